import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pacedLoad } from './paced-load';

describe('paced load', () => {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(body === 'refuse-3' ? 503 : 204).end();
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends each numbered body once and counts the answers', async () => {
    const result = await pacedLoad({
      url,
      headers: { 'Content-Type': 'text/plain' },
      body: (n) => (n === 3 ? 'refuse-3' : `body-${n}`),
      rate: 200,
      durationS: 0.1,
      connections: 4,
    });
    expect(result).toMatchObject({ sent: 20, ok: 19, failures: 1 });
    expect(new Set(bodies).size).toBe(20);
    expect(result.maxMs).toBeGreaterThanOrEqual(result.p50Ms);
  });
});
