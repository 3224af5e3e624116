import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../shared/model/exchange';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { deliver, send } from '../../../test-support/engine/http-client';
import { payloadJson, payloadText } from '../../../test-support/engine/payloads';
import { waitFor } from '../../../test-support/engine/wait-for';

const SECRET = 'Basic b2t0YS1ob29rOnMzY3IzdC1kZXYtb25seQ==';

let running: TestCore | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** `null` starts without a secret. */
const start = async (secret: string | null = SECRET) => {
  running = await startTestCore({ overrides: secret === null ? {} : { secret } });
  return running;
};

const latest = async (t: TestCore): Promise<Exchange> => {
  const page = await t.call('exchanges.list', { limit: 1 });
  const id = page.items[0]?.id;
  if (!id) throw new Error('nothing stored');
  return t.call('exchanges.get', { id, revealSecrets: true });
};

describe('verification challenge', () => {
  it('echoes the challenge as JSON with 200 and records a verification exchange', async () => {
    const t = await start();
    const challenge = payloadJson<{ request: { headers: Record<string, string> } }>(
      '04-verification-request.json',
    ).request.headers['X-Okta-Verification-Challenge'] as string;
    const res = await send(t.hookUrl, {
      headers: [
        ['x-OKTA-verification-CHALLENGE', challenge],
        ['Authorization', SECRET],
      ],
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(JSON.stringify({ verification: challenge }));
    const exchange = await latest(t);
    expect(exchange.kind).toBe('verification');
    expect(exchange.response.status).toBe(200);
    expect(exchange.response.body.text).toBe(res.text);
  });

  it('answers a GET without the challenge header with 405 and says why', async () => {
    const t = await start();
    const res = await send(t.hookUrl);
    expect(res.status).toBe(405);
    const exchange = await latest(t);
    expect(exchange.kind).toBe('other');
    expect(exchange.problems.map((p) => p.code)).toEqual(['no-challenge']);
  });
});

describe('deliveries', () => {
  it('accepts the right secret with an empty 204 and decodes the events', async () => {
    const t = await start();
    const res = await deliver(t.hookUrl, payloadText('02-batch-mixed-3-events.json'), [
      ['Authorization', SECRET],
    ]);
    expect(res.status).toBe(204);
    expect(res.body.length).toBe(0);
    const exchange = await latest(t);
    expect(exchange.kind).toBe('delivery');
    expect(exchange.auth.result).toBe('ok');
    expect(exchange.okta.eventId).toBe('b3d8e6f0-51a7-4c2e-9f84-6a0c1d2e7b95');
    expect(exchange.okta.hookId).toBe('who9f3kq7mLbT2pRz5d7');
    expect(exchange.okta.events.map((e) => e.eventType)).toEqual([
      'user.lifecycle.create',
      'group.user_membership.add',
      'user.account.lock',
    ]);
    expect(exchange.problems).toEqual([]);
  });

  it('rejects a wrong secret with 401 and records why, without the secret', async () => {
    const t = await start();
    const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'), [
      ['Authorization', 'Basic wrong'],
    ]);
    expect(res.status).toBe(401);
    const exchange = await latest(t);
    expect(exchange.auth.result).toBe('mismatch');
    expect(exchange.auth.message).toMatch(/does not match/);
    expect(exchange.auth.message).not.toContain('b2t0');
    // Kept as received, and not decoded: a refused request costs what explains the refusal.
    expect(exchange.request.body.text).toBe(payloadText('01-user-session-start.json'));
    expect(exchange.okta.events).toEqual([]);
    expect(exchange.problems.map((p) => p.code)).toEqual(['not-decoded']);
  });

  it('rejects a missing secret with 401', async () => {
    const t = await start();
    const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'));
    expect(res.status).toBe(401);
    expect((await latest(t)).auth.result).toBe('missing');
  });

  it('accepts anything and marks it not-configured when no secret is set', async () => {
    const t = await start(null);
    const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'));
    expect(res.status).toBe(204);
    expect((await latest(t)).auth.result).toBe('not-configured');
  });

  it('answers 200 with an empty body when 200 is the chosen success status', async () => {
    const t = await start();
    await t.call('settings.update', { response: { status: 200, delayMs: 0, body: '' } });
    const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'), [
      ['Authorization', SECRET],
    ]);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('0');
  });
});

describe('capture', () => {
  it('keeps header order, case and duplicates, the query and the timing', async () => {
    const t = await start();
    await send(`${t.hookUrl}?a=1&b=%20`, {
      method: 'POST',
      headers: [
        ['X-First', '1'],
        ['authorization', SECRET],
        ['X-Dup', 'a'],
        ['x-dup', 'b'],
      ],
      body: '{}',
    });
    const exchange = await latest(t);
    expect(exchange.request.query).toBe('a=1&b=%20');
    expect(exchange.request.httpVersion).toBe('1.1');
    expect(exchange.request.headers.slice(1, 5)).toEqual([
      ['X-First', '1'],
      ['authorization', SECRET],
      ['X-Dup', 'a'],
      ['x-dup', 'b'],
    ]);
    expect(exchange.request.remoteAddress).toBe('127.0.0.1');
    await waitFor(() =>
      t.pushes.some((p) => p.name === 'exchanges.updated' || p.name === 'exchanges.appended')
        ? true
        : undefined,
    );
    const full = await latest(t);
    expect(full.timing.durationMs).toBeGreaterThan(0);
    expect(full.timing.storedMs).toBeGreaterThanOrEqual(full.timing.bodyMs);
  });

  it('lists a delivery with the time its answer took: its row is written once, already timed', async () => {
    const t = await start();
    for (let i = 0; i < 5; i += 1)
      await deliver(t.hookUrl, payloadText('01-user-session-start.json'), [['Authorization', SECRET]]);
    const listed = await waitFor(() => {
      const items = t.pushes.flatMap((p) => (p.name === 'exchanges.appended' ? p.payload.items : []));
      return items.length === 5 ? items : undefined;
    });
    for (const summary of listed) {
      const stored = await t.call('exchanges.get', { id: summary.id });
      expect(summary.durationMs).toBe(stored.timing.durationMs);
    }
  });

  it('stores a body that is not UTF-8 as base64 with its size', async () => {
    const t = await start();
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    await send(t.hookUrl, { method: 'POST', headers: [['Authorization', SECRET]], body: bytes });
    const exchange = await latest(t);
    expect(exchange.request.body).toEqual({ base64: bytes.toString('base64'), size: 4, truncated: false });
    expect(exchange.problems.map((p) => p.code)).toContain('not-utf8');
  });

  it('answers 413 above the body limit and keeps the first bytes, marked truncated', async () => {
    const t = await start();
    await t.call('settings.update', { bodyLimitBytes: 2048 });
    const res = await send(t.hookUrl, {
      method: 'POST',
      headers: [
        ['Authorization', SECRET],
        ['Transfer-Encoding', 'chunked'],
      ],
      body: 'x'.repeat(5000),
    }).catch(() => undefined);
    // The server may close before the client finishes sending; the record is what matters.
    if (res) expect(res.status).toBe(413);
    const exchange = await latest(t);
    expect(exchange.response.status).toBe(413);
    expect(exchange.request.body.truncated).toBe(true);
    expect(exchange.request.body.text).toBe('x'.repeat(2048));
  });

  it('records a request to another path, answers 404 and flags it', async () => {
    const t = await start();
    const res = await send(t.hookUrl.replace('/okta/event-hook', '/nope'), { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    const exchange = await latest(t);
    expect(exchange.kind).toBe('other');
    expect(exchange.problems[0]?.code).toBe('wrong-path');
  });

  it('masks the secret header in exchanges.get unless revealSecrets is asked for', async () => {
    const t = await start();
    await deliver(t.hookUrl, '{}', [['Authorization', SECRET]]);
    const { items } = await t.call('exchanges.list', {});
    const masked = await t.call('exchanges.get', { id: items[0]!.id });
    expect(JSON.stringify(masked)).not.toContain('b2t0YS1ob29r');
    expect(masked.request.headers).toContainEqual(['Authorization', 'Basic ••••••••']);
  });
});
