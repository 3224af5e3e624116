import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Exchange, ExchangeSummary } from '../../../shared/model/exchange';
import { nextMove } from '../../../shared/okta/next-move';
import { RESPONSE_PRESETS } from '../../../shared/okta/response-presets';
import { verificationVerdict } from '../../../shared/okta/verification-verdict';
import { rm } from 'node:fs/promises';
import { decodeDelivery } from '../../../shared/okta/envelope';
import { makeTempDir, startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { draft, openStore } from '../../../test-support/engine/store-fixture';
import { deliver, send } from '../../../test-support/engine/http-client';
import { payloadText } from '../../../test-support/engine/payloads';
import { waitFor } from '../../../test-support/engine/wait-for';

const SECRET = 'Basic b2t0YS1ob29rOnMzY3IzdC1kZXYtb25seQ==';
const AUTH: [string, string] = ['Authorization', SECRET];

let t: TestCore;
afterEach(async () => t?.stop());

const newest = async (): Promise<{ summary: ExchangeSummary; exchange: Exchange }> => {
  const { items } = await t.call('exchanges.list', { limit: 1 });
  const summary = items[0]!;
  return { summary, exchange: await t.call('exchanges.get', { id: summary.id }) };
};

/** The summary once its final timing is known (pushed after the answer went out). */
const finalSummary = (id: string) =>
  waitFor(() => {
    for (const push of [...t.pushes].reverse()) {
      if (push.name !== 'exchanges.updated' && push.name !== 'exchanges.appended') continue;
      const found = push.payload.items.find((item) => item.id === id);
      if (found && found.durationMs > 0 && push.name === 'exchanges.updated') return found;
    }
    return undefined;
  }, 10_000);

describe('auth failures over HTTP, each with its reason', () => {
  it.each([
    ['missing', [], /has no Authorization header/],
    ['under another name', [['X-Secret', SECRET]], /arrived in the X-Secret header/],
    ['without the scheme prefix', [['Authorization', SECRET.slice('Basic '.length)]], /"Basic" prefix/],
    ['with doubled spacing', [['Authorization', SECRET.replace(' ', '  ')]], /only in its spacing/],
    ['different', [['Authorization', 'Basic d3Jvbmc=']], /does not match/],
    ['sent twice', [AUTH, AUTH], /sent 2 times/],
  ] as [string, [string, string][], RegExp][])(
    '%s → 401 with the reason recorded',
    async (_case, headers, reason) => {
      t = await startTestCore({ overrides: { secret: SECRET } });
      const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'), headers);
      expect(res.status).toBe(401);
      const { exchange } = await newest();
      expect(exchange.auth.message).toMatch(reason);
      expect(exchange.auth.message).not.toContain(SECRET.slice(6, 20));
    },
  );

  it('explains a configured secret with spaces around it, which HTTP makes unmatchable', async () => {
    t = await startTestCore({ overrides: { secret: ` ${SECRET} ` } });
    expect((await deliver(t.hookUrl, '{}', [AUTH])).status).toBe(401);
    expect((await newest()).exchange.auth.message).toMatch(/configured secret has spaces around it/);
  });

  it('requires the configured custom headers', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    await t.call('settings.update', { requiredHeaders: [{ name: 'X-Tenant-Hint', value: 'dev-000000' }] });
    expect((await deliver(t.hookUrl, '{}', [AUTH])).status).toBe(401);
    expect((await newest()).exchange.auth.message).toMatch(/X-Tenant-Hint is missing/);
    expect((await deliver(t.hookUrl, '{}', [AUTH, ['X-Tenant-Hint', 'dev-000000']])).status).toBe(204);
  });
});

describe('verification verdicts', () => {
  it('records a verdict for an accepted and a rejected attempt', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    await send(t.hookUrl, { headers: [['X-Okta-Verification-Challenge', 'c1'], AUTH] });
    const ok = await newest();
    expect(ok.summary.verificationProblem).toBeNull();
    expect(verificationVerdict(ok.summary.verificationProblem!, ok.summary.durationMs).verified).toBe(true);
    const rejected = await send(t.hookUrl, { headers: [['X-Okta-Verification-Challenge', 'c2']] });
    expect(rejected.status).toBe(401);
    const bad = await newest();
    expect(verificationVerdict(bad.summary.verificationProblem!, 1).sentence).toBe(
      'Okta will reject: the auth check rejected it.',
    );
  });
});

describe('response presets and the next move they cause', () => {
  it.each(
    RESPONSE_PRESETS.filter((preset) => preset.id !== 'timeout').map(
      (preset) => [preset.id, preset] as const,
    ),
  )('%s', async (_id, preset) => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    await t.call('settings.update', { response: preset.policy });
    const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'), [AUTH]);
    expect(res.status).toBe(preset.policy.status);
    const { summary } = await newest();
    const expected =
      preset.policy.status < 300 ? 'accepted' : preset.policy.status >= 500 ? 'will-retry' : 'will-not-retry';
    expect(nextMove({ ...summary, isRepeat: summary.repeat }).move).toBe(expected);
  });

  it('makes Okta time out: the 204 goes out after 3.5 s and is judged a timeout', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    await t.call('settings.update', { response: RESPONSE_PRESETS.find((p) => p.id === 'timeout')!.policy });
    const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'), [AUTH]);
    expect(res.status).toBe(204);
    const { summary } = await newest();
    const final = await finalSummary(summary.id);
    expect(final.durationMs).toBeGreaterThanOrEqual(3500);
    expect(nextMove({ ...final, isRepeat: false }).move).toBe('timed-out');
  });
});

describe('at-least-once delivery', () => {
  it("flags a redelivery, and Okta's failed retry as lost", async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    await t.call('settings.update', { response: { status: 500, delayMs: 0, body: '' } });
    const body = payloadText('01-user-session-start.json');
    await deliver(t.hookUrl, body, [AUTH]);
    const first = await newest();
    await deliver(t.hookUrl, body, [AUTH]);
    const retry = await newest();
    expect(retry.exchange.sightings?.repeatOf).toBe(first.summary.id);
    expect(retry.summary.repeat).toBe(true);
    expect(nextMove({ ...retry.summary, isRepeat: retry.summary.repeat }).move).toBe('lost');
  });

  it('flags the same event in another batch, and events out of published order', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    await deliver(t.hookUrl, payloadText('03-outcome-failure-user-session-start.json'), [AUTH]);
    const first = await newest();
    const again = JSON.parse(payloadText('03-outcome-failure-user-session-start.json')) as Record<
      string,
      unknown
    >;
    await deliver(t.hookUrl, JSON.stringify({ ...again, eventId: 'another-delivery' }), [AUTH]);
    expect((await newest()).exchange.sightings?.repeatedEvents).toEqual([
      { uuid: '5d93b2e6-221a-11f1-b6f1-7e3a9c5d1b08', firstExchangeId: first.summary.id },
    ]);
    await deliver(t.hookUrl, payloadText('01-user-session-start.json'), [AUTH]);
    const late = await newest();
    expect(late.summary.outOfOrderEvents).toBe(1);
    expect(late.exchange.sightings?.outOfOrder).toEqual(['7c1e4a92-2213-11f1-9d2a-3b5c7e9a1f24']);
  });

  it('still recognises a redelivery after a restart', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    const body = payloadText('02-batch-mixed-3-events.json');
    await deliver(t.hookUrl, body, [AUTH]);
    const dataDir = t.dataDir;
    await t.core.stop();
    t = await startTestCore({ dataDir, overrides: { secret: SECRET } });
    await deliver(t.hookUrl, body, [AUTH]);
    expect((await newest()).summary.repeat).toBe(true);
  });

  it('does not learn from refused deliveries an older version stored with sightings', async () => {
    const dataDir = await makeTempDir();
    // After afterEach has stopped the engine that uses it.
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
    const { store } = await openStore(dataDir);
    const refused = draft(1, { body: payloadText('01-user-session-start.json') });
    const { okta } = decodeDelivery(refused.request.body.text);
    const [EVENT] = okta.events;
    await store.append({
      ...refused,
      auth: { result: 'mismatch', header: 'Authorization' },
      okta: {
        ...okta,
        eventId: 'claims-2999',
        events: [{ ...EVENT!, uuid: 'uuid-2999', published: '2999-01-01T00:00:00.000Z' }],
      },
      sightings: { repeatedEvents: [], outOfOrder: [] },
    });
    await store.close();
    t = await startTestCore({ dataDir, overrides: { secret: SECRET } });
    await deliver(t.hookUrl, payloadText('01-user-session-start.json'), [AUTH]);
    expect((await newest()).exchange.sightings).toEqual({ repeatedEvents: [], outOfOrder: [] });
  });
});

describe('samples.send', () => {
  it('sends a realistic batch through the receiver with the secret, recorded as a sample', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    const { exchangeId } = await t.call('samples.send', {
      eventTypes: ['user.session.start', 'group.user_membership.add'],
    });
    const exchange = await t.call('exchanges.get', { id: exchangeId, revealSecrets: true });
    expect(exchange).toMatchObject({
      origin: 'sample',
      kind: 'delivery',
      auth: { result: 'ok' },
      problems: [],
    });
    expect(exchange.response.status).toBe(204);
    expect(exchange.okta.events.map((e) => e.eventType)).toEqual([
      'user.session.start',
      'group.user_membership.add',
    ]);
    expect(exchange.request.headers.map(([name]) => name.toLowerCase())).not.toContain('x-inspector-tag');
    expect(exchange.request.headers).toContainEqual(AUTH);
  });

  it('refuses types Okta cannot deliver to a hook', async () => {
    t = await startTestCore();
    const result = await t.core.dispatch('samples.send', { eventTypes: ['event_hook.delivery'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('does not let an outside request pass itself off as a sample', async () => {
    t = await startTestCore();
    await deliver(t.hookUrl, '{}', [['X-Inspector-Tag', 'guessed-token']]);
    const { exchange } = await newest();
    expect(exchange.origin).toBe('live');
    expect(exchange.request.headers).toContainEqual(['X-Inspector-Tag', 'guessed-token']);
  });
});
