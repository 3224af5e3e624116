import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../shared/model/exchange';
import { nextMove } from '../../../shared/okta/next-move';
import { verificationVerdict } from '../../../shared/okta/verification-verdict';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { deliver, send } from '../../../test-support/engine/http-client';
import { payloadText } from '../../../test-support/engine/payloads';
import {
  answer,
  answerChallenge,
  closedPortUrl,
  resetConnection,
  startTarget,
  trickle,
  type TargetServer,
} from '../../../test-support/engine/target-server';

let t: TestCore;
let target: TargetServer | undefined;
afterEach(async () => {
  await t?.stop();
  await target?.close();
  target = undefined;
});

const forwardTo = async (url: string, extra: Record<string, unknown> = {}) => {
  t = await startTestCore();
  await t.call('settings.update', {
    forward: { target: url, timeoutMs: 30_000, verification: 'auto', ...extra },
  });
};

const newest = async (): Promise<Exchange> => {
  const { items } = await t.call('exchanges.list', { limit: 1 });
  return t.call('exchanges.get', { id: items[0]!.id, revealSecrets: true });
};

/** Raw bytes on a socket: header bytes Node cannot produce from strings (UTF-8 in a value). */
function rawRequest(url: string, head: string, body: Buffer): Promise<string> {
  const { port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
    socket.write(
      Buffer.concat([Buffer.from(head.replace('{path}', `${pathname}?a=1&b=%7C`), 'latin1'), body]),
    );
  });
}

const withoutConnection = (raw: string[]) =>
  raw.filter((_, i) => raw[i - (i % 2)]?.toLowerCase() !== 'connection');

describe('forwarding to the user handler', () => {
  it('passes the request on byte for byte (minus hop-by-hop headers) and relays the answer', async () => {
    target = await startTarget(
      answer(202, '{"ok":true}', { 'Content-Type': 'application/json', 'X-Handler': 'yes' }),
    );
    await forwardTo(target.url);
    const body = Buffer.from([0x7b, 0xff, 0x00, 0xe2, 0x82, 0xac, 0x7d]);
    const head =
      'POST {path} HTTP/1.1\r\nHost: tunnel.example\r\nx-Lower: 1\r\nX-UTF8: caf\xc3\xa9\r\nConnection: keep-alive, X-Drop\r\n' +
      `X-Drop: gone\r\nAuthorization: Basic s3cret\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const reply = await rawRequest(t.hookUrl, head, body);
    expect(reply).toMatch(/^HTTP\/1.1 202 Accepted/);
    expect(reply).toContain('X-Handler: yes');
    expect(reply.endsWith('{"ok":true}')).toBe(true);

    const seen = target.seen[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/okta/hooks?a=1&b=%7C');
    expect(seen.body.equals(body)).toBe(true);
    const host = new URL(target.url).host;
    // node:http adds its own Connection header for the new connection; everything else is ours.
    expect(withoutConnection(seen.rawHeaders)).toEqual([
      'Host',
      host,
      'x-Lower',
      '1',
      'X-UTF8',
      'caf\xc3\xa9',
      'Authorization',
      'Basic s3cret',
      'Content-Length',
      String(body.length),
    ]);

    const exchange = await newest();
    expect(exchange.forward).toMatchObject({ url: `${target.url}?a=1&b=%7C`, response: { status: 202 } });
    expect(exchange.response.status).toBe(202);
    expect(exchange.timing.targetMs).toBeGreaterThan(0);
  });

  it.each([
    ['down', async () => closedPortUrl(), 'refused'],
    ['resetting the connection', async () => (target = await startTarget(resetConnection)).url, 'reset'],
  ])('answers 502 with the cause when the handler is %s', async (_case, makeUrl, cause) => {
    const url = await makeUrl();
    await forwardTo(url);
    const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'));
    expect(res.status).toBe(502);
    const exchange = await newest();
    expect(exchange.forward?.error?.cause).toBe(cause);
    expect(exchange.response.status).toBe(502);
    // The caller is anyone on the internet: it learns that the handler failed, nothing about it.
    const { port } = new URL(url);
    expect(res.text).not.toContain(port);
    expect(res.text).not.toContain(cause);
    expect(res.text).not.toContain(exchange.forward!.error!.message);
    expect(exchange.forward?.error?.message).not.toBe('');
  });

  it('answers a request that fails the secret check 401 itself, never passing it on', async () => {
    target = await startTarget(answer(200));
    t = await startTestCore({ overrides: { secret: 'Basic cmlnaHQ=' } });
    await t.call('settings.update', {
      forward: { target: target.url, timeoutMs: 5000, verification: 'auto' },
    });
    const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'), [
      ['Authorization', 'Basic d3Jvbmc='],
    ]);
    expect(res.status).toBe(401);
    expect(target.seen).toHaveLength(0);
    expect((await newest()).forward).toBeUndefined();
  });

  it('gives up after the forward timeout with 502 (timeout)', async () => {
    target = await startTarget(answer(204, '', {}, 1500));
    await forwardTo(target.url, { timeoutMs: 1000 });
    expect((await deliver(t.hookUrl, '{}')).status).toBe(502);
    expect((await newest()).forward?.error?.cause).toBe('timeout');
  });

  it('gives up at the forward timeout even when the handler keeps trickling bytes (a deadline, not an idle timer)', async () => {
    // A byte every 100 ms never leaves the socket idle for the 1 s timeout; 30 of them take 3 s.
    target = await startTarget(trickle(30, 100));
    await forwardTo(target.url, { timeoutMs: 1000 });
    expect((await deliver(t.hookUrl, '{}')).status).toBe(502);
    expect((await newest()).forward?.error?.cause).toBe('timeout');
  });

  it("records a handler slower than Okta's 3 s as a timeout, and still what it answered", async () => {
    target = await startTarget(answer(204, '', {}, 3200));
    await forwardTo(target.url);
    expect((await deliver(t.hookUrl, payloadText('01-user-session-start.json'))).status).toBe(204);
    const exchange = await newest();
    expect(exchange.timing.targetMs).toBeGreaterThan(3000);
    expect(
      nextMove({
        kind: 'delivery',
        status: exchange.response.status,
        durationMs: exchange.timing.durationMs,
        isRepeat: false,
      }).move,
    ).toBe('timed-out');
  });

  it("relays a handler's 500, so Okta retries", async () => {
    target = await startTarget(answer(500, 'boom'));
    await forwardTo(target.url);
    expect((await deliver(t.hookUrl, payloadText('01-user-session-start.json'))).status).toBe(500);
    expect((await newest()).forward?.response?.body.text).toBe('boom');
  });
});

describe('verification pass-through', () => {
  it.each([
    ['right', answerChallenge(), true],
    ['wrong', answerChallenge('not-it'), false],
  ])('judges a handler answering the challenge %s', async (_case, behaviour, verified) => {
    target = await startTarget(behaviour);
    await forwardTo(target.url, { verification: 'forward' });
    await send(t.hookUrl, { headers: [['X-Okta-Verification-Challenge', 'c-123']] });
    const exchange = await newest();
    expect(target.seen).toHaveLength(1);
    expect(
      verificationVerdict(exchange.verificationProblem ?? null, exchange.timing.durationMs).verified,
    ).toBe(verified);
  });

  it('answers the challenge itself in auto mode, even with a forward target', async () => {
    target = await startTarget(answer(500));
    await forwardTo(target.url);
    const res = await send(t.hookUrl, { headers: [['X-Okta-Verification-Challenge', 'c-9']] });
    expect(res.text).toBe('{"verification":"c-9"}');
    expect(target.seen).toHaveLength(0);
  });
});
