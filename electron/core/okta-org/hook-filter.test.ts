import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../shared/contract/commands';
import type { HookRun } from '../../../shared/model/okta';
import { startOktaCore, type OktaTestCore } from '../../../test-support/engine/okta-fixture';
import type { EventTarget } from '../../../test-support/engine/okta-emulator/emulator-events';

const MINUTE = 60_000;
const MEMBERSHIP = 'group.user_membership.add';
/** Okta's documented example (https://developer.okta.com/docs/guides/event-hook-filtering/). */
const SALES =
  "event.target.?[type eq 'UserGroup'].size()>0 && event.target.?[displayName eq 'Sales'].size()>0";
const group = (displayName: string): EventTarget => ({
  id: `00g${displayName}0000000000`.slice(0, 20),
  type: 'UserGroup',
  alternateId: 'unknown',
  displayName,
});

let t: OktaTestCore;
/** The emulated org's clock runs this far behind ours, to publish events in the past. */
let orgLag = 0;
afterEach(async () => {
  await t.stop();
  orgLag = 0;
});

const steps = (run: HookRun) => run.steps.map((step) => `${step.name}:${step.state}`);
const setFilter = (hookId: string, entries: CommandInput<'okta.hooks.filter'>['entries']) =>
  t.call('okta.hooks.filter', { hookId, entries });

async function pointedHook(): Promise<string> {
  t = await startOktaCore({ emulator: { now: () => Date.now() - orgLag } });
  await t.connect();
  const run = await t.call('okta.hooks.point', { eventTypes: [MEMBERSHIP, 'user.session.start'] });
  return run.hookId!;
}

describe("a hook's event filter in the org", () => {
  it('sets and clears it with a full replace, and reads it back beside the hook', async () => {
    const hookId = await pointedHook();
    const run = await setFilter(hookId, [{ eventType: MEMBERSHIP, expression: SALES }]);
    expect(run).toMatchObject({ action: 'filter', outcome: 'ok' });
    expect(steps(run)).toEqual(['read:ok', 'update:ok', 'verify:skipped']);
    expect(t.emulator.org.hooks.get(hookId)).toMatchObject({
      filter: [{ event: MEMBERSHIP, expression: SALES }],
      verificationStatus: 'VERIFIED',
    });
    const hook = (await t.state()).hooks.find((h) => h.id === hookId);
    expect(hook?.filter).toEqual([{ eventType: MEMBERSHIP, expression: SALES }]);
    const filters = await t.call('filters.list', {});
    expect(filters.filters).toContainEqual(
      expect.objectContaining({ name: hookId, source: expect.objectContaining({ kind: 'hook', hookId }) }),
    );

    const cleared = await setFilter(hookId, null);
    expect(cleared.outcome).toBe('ok');
    expect(t.emulator.org.hooks.get(hookId)?.filter).toBeNull();
    expect((await t.state()).hooks.find((h) => h.id === hookId)?.filter).toBeNull();
    expect((await t.call('filters.list', {})).filters).toEqual([]);
  });

  it("shows Okta's answer when the org has the feature off", async () => {
    const hookId = await pointedHook();
    t.emulator.org.filtersEnabled = false;
    const run = await setFilter(hookId, [{ eventType: MEMBERSHIP, expression: SALES }]);
    expect(run.outcome).toBe('failed');
    expect(steps(run)).toEqual(['read:ok', 'update:failed']);
    expect(run.steps[1]).toMatchObject({ status: 400, errorCode: 'E0000001' });
    expect(t.emulator.org.hooks.get(hookId)?.filter).toBeNull();
  });

  it("refuses hooks that do not call this inspector, and types the hook doesn't have", async () => {
    t = await startOktaCore();
    const theirs = t.emulator.org.addHook({
      name: 'Staging sink',
      uri: 'https://staging.example.com/hooks',
      eventTypes: [MEMBERSHIP],
    });
    await t.connect();
    const refused = await t.core.dispatch('okta.hooks.filter', {
      hookId: theirs.id,
      entries: [{ eventType: MEMBERSHIP, expression: SALES }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: /point it here/ } });

    const run = await t.call('okta.hooks.point', { eventTypes: [MEMBERSHIP] });
    const other = await setFilter(run.hookId!, [{ eventType: 'user.session.start', expression: SALES }]);
    expect(other.outcome).toBe('failed');
    expect(other.steps[1]).toMatchObject({ status: 400, errorCode: 'E0000001' });
  });

  it('flags events Okta sent although the filter drops them, and events it passes that never came', async () => {
    const hookId = await pointedHook();
    orgLag = 10 * MINUTE;
    await setFilter(hookId, [{ eventType: MEMBERSHIP, expression: SALES }]);
    orgLag = 9 * MINUTE;
    const lost = t.emulator.org.emit(MEMBERSHIP, { withhold: true, targets: [group('Sales')] });
    orgLag = 0;
    // The emulator does not evaluate filters: it delivers what a faithful Okta would have dropped.
    const sent = t.emulator.org.emit(MEMBERSHIP, { targets: [group('Marketing')] });
    const kept = t.emulator.org.emit(MEMBERSHIP, { targets: [group('Sales')] });
    const other = t.emulator.org.emit('user.session.start');
    await t.emulator.org.deliverPending();
    await t.call('okta.refresh', {});

    const { records } = await t.call('okta.deliveries.list', {});
    const checkOf = (uuid: string) => records.find((record) => record.uuid === uuid)?.filter;
    expect(checkOf(sent.uuid)).toMatchObject({ verdict: 'drop', mismatch: 'sent-though-dropped', hookId });
    expect(checkOf(kept.uuid)).toMatchObject({ verdict: 'pass', mismatch: null });
    expect(checkOf(lost.uuid)).toMatchObject({ verdict: 'pass', mismatch: 'missing-though-passed' });
    expect(checkOf(other.uuid)).toBeNull();
    expect(checkOf(sent.uuid)?.because).toContain('Sales');
  });
});
