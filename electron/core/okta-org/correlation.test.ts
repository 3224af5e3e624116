import { afterEach, describe, expect, it } from 'vitest';
import { ORG_DOMAIN, startOktaCore, type OktaTestCore } from '../../../test-support/engine/okta-fixture';
import { answer, startTarget, type TargetServer } from '../../../test-support/engine/target-server';

const MINUTE = 60_000;

let t: OktaTestCore;
let handler: TargetServer | undefined;
/** The emulated org's clock runs this far behind ours, to publish events in the past. */
let orgLag = 0;
afterEach(async () => {
  await t.stop();
  await handler?.close();
  handler = undefined;
  orgLag = 0;
});

const answerDeliveries = (status: number) =>
  t.call('settings.update', { response: { status, delayMs: 0, body: '' } });

/**
 * An org with a hook pointed here, and four events of it: delivered and accepted; delivered
 * and answered 500 twice (Okta retries once, then logs the failure); never delivered, ten
 * minutes ago; never delivered, just now.
 */
async function scenario() {
  t = await startOktaCore({ emulator: { now: () => Date.now() - orgLag } });
  await t.connect();
  const run = await t.call('okta.hooks.point', {
    eventTypes: [
      'user.session.start',
      'user.account.lock',
      'group.user_membership.add',
      'user.lifecycle.create',
    ],
  });
  const { org } = t.emulator;
  const received = org.emit('user.session.start');
  await org.deliverPending();
  await answerDeliveries(500);
  const failed = org.emit('user.account.lock');
  const [failedDelivery] = await org.deliverPending();
  await answerDeliveries(204);
  orgLag = 10 * MINUTE;
  const missing = org.emit('group.user_membership.add', { withhold: true });
  orgLag = 0;
  const pending = org.emit('user.lifecycle.create', { withhold: true });
  await t.call('okta.refresh', {});
  return { hookId: run.hookId!, received, failed, failedDelivery, missing, pending };
}

const report = () => t.call('okta.deliveries.list', {});
const recordOf = async (uuid: string) => (await report()).records.find((r) => r.uuid === uuid);

describe('System Log correlation', () => {
  it("sets Okta's account of every event beside what arrived here", async () => {
    const s = await scenario();
    expect(s.failedDelivery?.attempts.map((a) => a.status)).toEqual([500, 500]);
    const { records, verifications, unmatchedFailures } = await report();
    const statusOf = Object.fromEntries(records.map((r) => [r.uuid, r.status]));
    expect(statusOf).toEqual({
      [s.received.uuid]: 'received',
      [s.failed.uuid]: 'failed',
      [s.missing.uuid]: 'missing',
      [s.pending.uuid]: 'pending',
    });
    expect(await recordOf(s.received.uuid)).toMatchObject({ captures: [{ status: 204 }], failure: null });
    expect(await recordOf(s.failed.uuid)).toMatchObject({
      hookIds: [s.hookId],
      captures: [{ status: 500 }, { status: 500 }],
      failure: { reason: 'Received HTTP 500 from the endpoint', match: 'by-time', hookId: s.hookId },
    });
    expect(unmatchedFailures).toEqual([]);
    expect(verifications).toMatchObject([{ hookId: s.hookId, result: 'SUCCESS' }]);
    const state = await t.state();
    expect(state.deliveries.counts).toEqual({ received: 1, refused: 0, failed: 1, pending: 1, missing: 1 });
    expect(state.poll).toMatchObject({ filter: 'hooks', error: null });
  });

  it("shows Okta's account on each exchange, and on the verification request", async () => {
    const s = await scenario();
    const { items } = await t.call('exchanges.list', { limit: 10 });
    const failedHere = items.find((item) => item.status === 500)!;
    const record = await t.call('okta.record.get', { id: failedHere.id });
    expect(record.events).toMatchObject([{ uuid: s.failed.uuid, record: { status: 'failed' } }]);
    const challenge = items.find((item) => item.kind === 'verification')!;
    const verification = await t.call('okta.record.get', { id: challenge.id });
    expect(verification.verification).toMatchObject({ result: 'SUCCESS', hookId: s.hookId });
  });

  it.each([
    ['6 minutes', 6 * MINUTE, 'target'],
    ['2 hours', 120 * MINUTE, 'target'],
    ['6 minutes, naming the hook under another target type', 6 * MINUTE, 'renamed-target'],
    ['6 minutes, naming the hook in debugData only', 6 * MINUTE, 'debug-data'],
  ] as const)(
    "shows a delivery Okta failed %s after the event as failed, with Okta's record",
    async (_, lateBy, shape) => {
      t = await startOktaCore({ emulator: { now: () => Date.now() - orgLag, failureShape: shape } });
      await t.connect();
      const { hookId } = await t.call('okta.hooks.point', { eventTypes: ['user.session.start'] });
      await answerDeliveries(503);
      orgLag = lateBy;
      const late = t.emulator.org.emit('user.session.start');
      orgLag = 0;
      const [delivery] = await t.emulator.org.deliverPending();
      expect(delivery?.delivered).toBe(false);
      await t.call('okta.refresh', {});
      const { records, unmatchedFailures } = await report();
      expect(records.find((r) => r.uuid === late.uuid)).toMatchObject({
        status: 'failed',
        failure: { reason: 'Received HTTP 503 from the endpoint', hookId, match: 'by-time' },
      });
      expect(unmatchedFailures).toEqual([]);
    },
  );

  it('falls back to filtering here when the org refuses the debugData filter', async () => {
    t = await startOktaCore({ emulator: { rejectDebugDataFilter: true } });
    await t.connect();
    await t.call('okta.hooks.point', { eventTypes: ['user.session.start'] });
    t.emulator.org.emit('user.session.start');
    await t.emulator.org.deliverPending();
    await t.call('okta.refresh', {});
    expect((await t.state()).poll).toMatchObject({ filter: 'all', error: null });
    expect((await report()).records.map((r) => r.status)).toEqual(['received']);
  });
});

describe("replay from Okta's record", () => {
  it('rebuilds the delivery like Preview and sends it through the receiver', async () => {
    const s = await scenario();
    const { exchangeIds } = await t.call('okta.deliveries.resend', {
      uuids: [s.missing.uuid],
    });
    const rebuilt = await t.call('exchanges.get', { id: exchangeIds[0]!, revealSecrets: true });
    expect(rebuilt).toMatchObject({ origin: 'rebuilt', kind: 'delivery', response: { status: 204 } });
    expect(rebuilt.auth.result).toBe('ok');
    const body = JSON.parse(rebuilt.request.body.text!) as Record<string, unknown> & {
      data: { events: unknown[] };
    };
    expect(body).toMatchObject({
      eventType: 'com.okta.event_hook',
      source: `${ORG_DOMAIN}/api/v1/eventHooks/${s.hookId}`,
    });
    expect(body.eventId).not.toBe(s.failedDelivery?.eventId);
    // The LogEvent travels exactly as the System Log API returned it.
    expect(body.data.events).toEqual([JSON.parse(JSON.stringify(s.missing))]);
    expect(await recordOf(s.missing.uuid)).toMatchObject({ status: 'missing', resentAs: exchangeIds });
  });

  it('sends the rebuilt delivery to the forward target', async () => {
    const s = await scenario();
    handler = await startTarget(answer(200));
    await t.call('settings.update', {
      forward: { target: handler.url, timeoutMs: 5000, verification: 'auto' },
    });
    const { exchangeIds } = await t.call('okta.deliveries.resend', {
      uuids: [s.failed.uuid, s.missing.uuid],
      target: 'forward',
    });
    expect(handler.seen).toHaveLength(1);
    const sent = JSON.parse(handler.seen[0]!.body.toString()) as { data: { events: { uuid: string }[] } };
    // One delivery per hook, events in published order.
    expect(sent.data.events.map((e) => e.uuid)).toEqual([s.missing.uuid, s.failed.uuid]);
    const stored = await t.call('exchanges.get', { id: exchangeIds[0]! });
    expect(stored).toMatchObject({
      origin: 'rebuilt',
      forward: { url: handler.url },
      response: { status: 200 },
    });
  });

  it('refuses events it has not fetched', async () => {
    await scenario();
    const result = await t.core.dispatch('okta.deliveries.resend', { uuids: ['nope'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
