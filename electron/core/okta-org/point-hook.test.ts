import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput } from '../../../shared/contract/commands';
import type { HookRun, OktaState } from '../../../shared/model/okta';
import { HOOK_SECRET, startOktaCore, type OktaTestCore } from '../../../test-support/engine/okta-fixture';
import { answerChallenge, startTarget, type TargetServer } from '../../../test-support/engine/target-server';

let t: OktaTestCore;
let handler: TargetServer | undefined;
afterEach(async () => {
  await t?.stop();
  await handler?.close();
  handler = undefined;
});

const point = (input: CommandInput<'okta.hooks.point'>) => t.call('okta.hooks.point', input);
const steps = (run: HookRun) => run.steps.map((step) => `${step.name}:${step.state}`);

describe('point a hook here', () => {
  it('creates, verifies (the receiver answers the real challenge) and activates in one action', async () => {
    t = await startOktaCore();
    await t.connect();
    const run = await point({ eventTypes: ['user.session.start', 'group.user_membership.add'] });
    expect(run.outcome).toBe('ok');
    expect(steps(run)).toEqual(['create:ok', 'verify:ok', 'activate:skipped']);
    expect(run.steps[0]).toMatchObject({ request: 'POST /api/v1/eventHooks', status: 200 });
    expect(run.steps[1]?.answer).toMatch(/^VERIFIED/);

    const hook = t.emulator.org.hooks.get(run.hookId!)!;
    expect(hook).toMatchObject({
      status: 'ACTIVE',
      verificationStatus: 'VERIFIED',
      uri: `${t.publicBase}/okta/event-hook`,
      auth: { key: 'Authorization', value: HOOK_SECRET },
      eventTypes: ['user.session.start', 'group.user_membership.add'],
    });
    // The challenge Okta sent is a stored exchange, linked from the verify step.
    const challenge = await t.call('exchanges.get', { id: run.steps[1]!.exchangeId! });
    expect(challenge).toMatchObject({
      kind: 'verification',
      response: { status: 200 },
      auth: { result: 'ok' },
    });
    expect(t.emulator.org.log.all().map((e) => e.eventType)).toEqual([
      'event_hook.created',
      'event_hook.verified',
    ]);

    const state = await t.state();
    expect(state.hooks.find((h) => h.id === run.hookId)).toMatchObject({
      createdHere: true,
      pointsHere: true,
      tracked: true,
      status: 'ACTIVE',
      verificationStatus: 'VERIFIED',
      // Okta returns the auth key lower-cased and never the secret (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/getEventHook).
      authHeader: 'authorization',
    });
    expect(state.runs[0]?.id).toBe(run.id);
  });

  it('configures the custom headers the receiver requires, and Okta sends them with the challenge', async () => {
    t = await startOktaCore({
      core: { overrides: { requiredHeaders: [{ name: 'X-Tenant-Hint', value: 'dev-000000' }] } },
    });
    await t.connect();
    const run = await point({ eventTypes: ['user.session.start'] });
    expect(run.outcome).toBe('ok');
    expect(t.emulator.org.hooks.get(run.hookId!)?.headers).toEqual([
      { key: 'X-Tenant-Hint', value: 'dev-000000' },
    ]);
    const challenge = await t.call('exchanges.get', { id: run.steps[1]!.exchangeId! });
    expect(challenge.request.headers).toContainEqual(['X-Tenant-Hint', 'dev-000000']);
  });

  it("updates a chosen hook with Okta's full replace, keeping its name, and activates it", async () => {
    t = await startOktaCore();
    const theirs = t.emulator.org.addHook({
      name: 'Staging sink',
      uri: 'https://staging.example.com/hooks',
      eventTypes: ['user.lifecycle.create'],
      status: 'INACTIVE',
    });
    await t.connect();
    const run = await point({
      hookId: theirs.id,
      eventTypes: ['user.lifecycle.create', 'user.account.lock'],
    });
    expect(steps(run)).toEqual(['read:ok', 'update:ok', 'verify:ok', 'activate:ok']);
    expect(run.steps[1]?.request).toBe(`PUT /api/v1/eventHooks/${theirs.id}`);
    expect(t.emulator.org.hooks.get(theirs.id)).toMatchObject({
      name: 'Staging sink',
      status: 'ACTIVE',
      verificationStatus: 'VERIFIED',
      uri: `${t.publicBase}/okta/event-hook`,
    });
    const listed = (await t.state()).hooks.find((h) => h.id === theirs.id);
    expect(listed).toMatchObject({ createdHere: false, tracked: true, pointsHere: true });
  });

  it("stops at a failed verification and shows Okta's answer", async () => {
    handler = await startTarget(answerChallenge('not-the-challenge'));
    t = await startOktaCore();
    // The user's handler answers the challenge, wrongly.
    await t.call('settings.update', {
      forward: { target: handler.url, timeoutMs: 5000, verification: 'forward' },
    });
    await t.connect();
    const run = await point({ eventTypes: ['user.session.start'] });
    expect(run.outcome).toBe('failed');
    expect(steps(run)).toEqual(['create:ok', 'verify:failed']);
    expect(run.steps[1]).toMatchObject({ status: 400, errorCode: 'E0000001' });
    expect(run.steps[1]?.answer).toContain('Unable to verify event hook');
    // Okta retried once: two challenges reached the handler.
    expect(handler.seen.filter((s) => s.method === 'GET')).toHaveLength(2);
    expect(t.emulator.org.hooks.get(run.hookId!)?.verificationStatus).toBe('UNVERIFIED');
    const verified = t.emulator.org.log.all().filter((e) => e.eventType === 'event_hook.verified');
    expect(verified.map((e) => (e.outcome as { result: string }).result)).toEqual(['FAILURE']);
  });

  it('needs a public URL and an https one', async () => {
    t = await startOktaCore();
    await t.connect();
    await t.call('okta.configure', { publicBase: null });
    const none = await t.core.dispatch('okta.hooks.point', { eventTypes: ['user.session.start'] });
    expect(none).toMatchObject({ ok: false, error: { code: 'unavailable', message: /no public URL/ } });
    const plain = await t.core.dispatch('okta.configure', { publicBase: 'http://abc.example.com' });
    expect(plain).toMatchObject({ ok: false, error: { message: /https/ } });
  });

  it('validates the event types in the dispatcher', async () => {
    t = await startOktaCore();
    await t.connect();
    const cases = [[], ['not.a.type'], ['user.session.start', 'user.session.start']];
    for (const eventTypes of cases) {
      const result = await t.core.dispatch('okta.hooks.point', { eventTypes });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });
});

describe('when the public URL changes', () => {
  const pointed = async () => {
    await t.connect();
    return point({ eventTypes: ['user.session.start'] });
  };

  it('offers the update, then updates and verifies again on request', async () => {
    t = await startOktaCore();
    const run = await pointed();
    const moved = t.publicBase.replace('127.0.0.1', 'localhost');
    const state = await t.call('okta.configure', { publicBase: moved });
    expect(state.urlChange).toEqual({
      to: `${moved}/okta/event-hook`,
      hooks: [{ id: run.hookId, name: 'Okta Hook Inspector', uri: `${t.publicBase}/okta/event-hook` }],
    });
    const { runs } = await t.call('okta.hooks.retarget', {});
    expect(runs.map(steps)).toEqual([['read:ok', 'update:ok', 'verify:ok', 'activate:skipped']]);
    expect(t.emulator.org.hooks.get(run.hookId!)).toMatchObject({
      uri: `${moved}/okta/event-hook`,
      verificationStatus: 'VERIFIED',
    });
    expect((await t.state()).urlChange).toBeNull();
  });

  it.each([
    ['before the URL changes', true],
    ['after it changed', false],
  ])('updates and verifies again by itself when the user opted in %s', async (_when, optInFirst) => {
    t = await startOktaCore();
    const run = await pointed();
    const moved = t.publicBase.replace('127.0.0.1', 'localhost');
    if (optInFirst) await t.call('okta.configure', { autoRetarget: true });
    await t.call('okta.configure', { publicBase: moved });
    if (!optInFirst) await t.call('okta.configure', { autoRetarget: true });
    const done = await waitForState(
      (s) => s.runs[0]?.action === 'retarget' && s.runs[0].outcome !== 'running',
    );
    expect(done.runs[0]).toMatchObject({ outcome: 'ok', hookId: run.hookId });
    expect(t.emulator.org.hooks.get(run.hookId!)?.uri).toBe(`${moved}/okta/event-hook`);
    expect(done.urlChange).toBeNull();
  });
});

describe('hooks the inspector created', () => {
  it('deactivates and deletes them, and leaves other hooks alone', async () => {
    t = await startOktaCore();
    const theirs = t.emulator.org.addHook({
      name: 'Prod',
      uri: 'https://prod.example.com/h',
      eventTypes: ['user.session.start'],
    });
    await t.connect();
    const run = await point({ eventTypes: ['user.session.start'] });
    const id = run.hookId!;
    const deactivated = await t.call('okta.hooks.deactivate', { hookId: id });
    expect(steps(deactivated)).toEqual(['deactivate:ok']);
    const deleted = await t.call('okta.hooks.delete', { hookId: id });
    expect(steps(deleted)).toEqual(['deactivate:skipped', 'delete:ok']);
    expect(t.emulator.org.hooks.has(id)).toBe(false);
    expect((await t.state()).hooks.map((h) => h.id)).toEqual([theirs.id]);
    const refused = await t.core.dispatch('okta.hooks.delete', { hookId: theirs.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: /only deactivates and deletes hooks it created/ },
    });
  });
});

/** The automatic update runs in the background: wait until the state shows it finished. */
const waitForState = (check: (state: OktaState) => boolean): Promise<OktaState> =>
  vi.waitFor(
    async () => {
      const state = await t.state();
      if (!check(state)) throw new Error('not yet');
      return state;
    },
    { timeout: 10_000 },
  );
