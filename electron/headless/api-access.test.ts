import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../test-support/engine/core-fixture';
import { send, type RawResponse } from '../../test-support/engine/http-client';
import { head, rawRequest } from '../../test-support/engine/raw-socket';
import { FileTransfers } from '../core/transfer/file-transfers';
import { startApiServer, type ApiServer } from './api-server';

const TOKEN = 'access-token-0123456789abcdef';
const AUTH: [string, string] = ['Authorization', `Bearer ${TOKEN}`];

let engine: TestCore;
let api: ApiServer;
let transfers: FileTransfers;
let base: string;

beforeEach(async () => {
  transfers = await FileTransfers.create();
  engine = await startTestCore({ transfers });
  api = await startApiServer({
    core: engine.core,
    transfers,
    token: TOKEN,
    port: 0,
    rendererDir: engine.dataDir,
  });
  base = `http://127.0.0.1:${api.port}`;
});
afterEach(async () => {
  await api.close();
  await engine.stop();
  await transfers.close();
});

const call = (name: string, headers: [string, string][], body = '{}', method = 'POST') =>
  send(`${base}/api/${name}`, { method, headers: [['Content-Type', 'application/json'], ...headers], body });

const noCors = (res: RawResponse) =>
  expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);

describe('headless API: DNS rebinding and cross-site refusals (403, even with the token)', () => {
  it.each([
    ['a Host with another port', () => `127.0.0.1:${api.port + 1}`],
    ['a Host name that merely starts with localhost', () => `localhost.evil.test:${api.port}`],
    ['an IPv6 loopback Host (we do not serve it)', () => `[::1]:${api.port}`],
    ['a Host without a port', () => '127.0.0.1'],
  ])('refuses %s', async (_case, host) => {
    const res = await call('settings.get', [AUTH, ['Host', host()]]);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('hookPath');
    noCors(res);
  });

  it('refuses an HTTP/1.0 request with no Host at all', async () => {
    const outcome = await rawRequest(api.port, [head('GET /api/status.get HTTP/1.0', [AUTH])]);
    expect(outcome.responses.map((r) => r.status)).toEqual([403]);
  });

  it.each([
    ['the opaque origin "null" (sandboxed frames, file://)', 'null'],
    ['our host over https', () => `https://127.0.0.1:${api.port}`],
    ['our host on another port', () => `http://127.0.0.1:${api.port + 1}`],
    ['a foreign site', 'https://evil.example'],
  ])('refuses an Origin of %s', async (_case, origin) => {
    const res = await call('settings.get', [
      AUTH,
      ['Origin', typeof origin === 'string' ? origin : origin()],
    ]);
    expect(res.status).toBe(403);
    noCors(res);
  });

  it('accepts its own origins, by either loopback name, in any case', async () => {
    expect((await call('status.get', [AUTH, ['Host', `LOCALHOST:${api.port}`]])).status).toBe(200);
    expect((await call('status.get', [AUTH, ['Origin', `http://localhost:${api.port}`]])).status).toBe(200);
  });

  it('refuses the event stream without the token (401) and from a foreign Origin (403)', async () => {
    expect(
      (
        await rawRequest(api.port, [head('GET /api/events HTTP/1.1', [['Host', `127.0.0.1:${api.port}`]])], {
          responses: 1,
        })
      ).responses[0]?.status,
    ).toBe(401);
    const foreign = await rawRequest(
      api.port,
      [
        head('GET /api/events HTTP/1.1', [
          ['Host', `127.0.0.1:${api.port}`],
          AUTH,
          ['Origin', 'https://evil.example'],
        ]),
      ],
      { responses: 1 },
    );
    expect(foreign.responses[0]?.status).toBe(403);
  });
});

describe('headless API: other refusals', () => {
  it('answers no CORS preflight and sends no CORS header on any answer', async () => {
    const answers = await Promise.all([
      call('settings.get', [AUTH]),
      call('settings.get', []),
      call('nope.nothing', [AUTH]),
      call('settings.get', [AUTH, ['Origin', `http://127.0.0.1:${api.port}`]], '', 'OPTIONS'),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 405]);
    answers.forEach(noCors);
  });

  it.each([
    ['GET for a command', 'settings.get', 'GET', '', 405],
    ['PUT for a command', 'settings.get', 'PUT', '{}', 405],
    ['an undecodable command name', '%E0%A4%A', 'POST', '{}', 404],
    ['input that is not JSON', 'settings.get', 'POST', '{nope', 400],
    [
      'input over 1 MiB',
      'settings.update',
      'POST',
      JSON.stringify({ hookPath: `/${'a'.repeat(1_100_000)}` }),
      400,
    ],
  ])('refuses %s', async (_case, name, method, body, status) => {
    const res = await call(name, [AUTH], body, method);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false });
  });
});

describe('what listens where', () => {
  const refusedOn = (host: string, port: number) =>
    new Promise<string>((resolve) => {
      const socket = connect({ host, port }, () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });

  it('binds the API and the receiver to 127.0.0.1 only, on different ports', async () => {
    const receiverPort = Number(new URL(engine.hookUrl).port);
    expect(receiverPort).not.toBe(api.port);
    // 127.0.0.2 is loopback too: a server on 0.0.0.0 would accept there; ours must not.
    expect(await refusedOn('127.0.0.2', api.port)).toBe('ECONNREFUSED');
    expect(await refusedOn('127.0.0.2', receiverPort)).toBe('ECONNREFUSED');
  });

  it('the receiver (what the tunnel reaches) never serves the API, the event stream or the UI', async () => {
    const receiver = new URL(engine.hookUrl).origin;
    const attempts = await Promise.all([
      send(`${receiver}/api/settings.get`, {
        method: 'POST',
        headers: [AUTH, ['Content-Type', 'application/json']],
        body: '{}',
      }),
      send(`${receiver}/api/exchanges.list`, {
        method: 'POST',
        headers: [AUTH, ['Content-Type', 'application/json']],
        body: '{}',
      }),
      send(`${receiver}/api/events`, { headers: [AUTH] }),
      send(`${receiver}/`),
      send(`${receiver}/index.html`),
    ]);
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    for (const res of attempts) {
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toMatch(/^Nothing listens on \//);
      noCors(res);
    }
  });
});
