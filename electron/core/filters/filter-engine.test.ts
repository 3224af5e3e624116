import { afterEach, describe, expect, it } from 'vitest';
import { membership, signIn } from '../../../test-support/shared/filter-events';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { deliver } from '../../../test-support/engine/http-client';
import { waitFor } from '../../../test-support/engine/wait-for';

/** Okta's documented example (https://developer.okta.com/docs/guides/event-hook-filtering/). */
const SALES =
  "event.target.?[type eq 'UserGroup'].size()>0 && event.target.?[displayName eq 'Sales'].size()>0";
const MEMBERSHIP = 'group.user_membership.add';

let t: TestCore;
afterEach(() => t?.stop());

let uuids = 0;
const envelope = (...events: Record<string, unknown>[]) =>
  JSON.stringify({
    eventType: 'com.okta.event_hook',
    eventTypeVersion: '1.0',
    cloudEventsVersion: '0.1',
    source: 'https://dev-000000.okta.com/api/v1/eventHooks/who8vt36qfNpCGz9H1e6',
    eventId: `e-${(uuids += 1)}`,
    eventTime: '2026-05-04T10:15:31.000Z',
    contentType: 'application/json',
    data: { events: events.map((event) => ({ ...event, uuid: `u-${(uuids += 1)}` })) },
  });

async function receive(...events: Record<string, unknown>[]): Promise<void> {
  const answer = await deliver(t.hookUrl, envelope(...events));
  expect(answer.status).toBe(204);
}

const list = (query: string) => t.call('exchanges.list', { limit: 50, query });
const preview = (expression: string, eventType = MEMBERSHIP) =>
  t.call('filters.preview', { eventType, expression });
const stored = async (count: number) =>
  waitFor(async () => ((await list('')).total === count ? true : undefined), 20_000);
const ready = (name: string) =>
  waitFor(async () => {
    const state = await t.call('filters.list', {});
    const filter = state.filters.find((f) => f.name === name);
    return filter?.run.state === 'ready' ? filter : undefined;
  }, 20_000);

describe('event hook filters over the history', () => {
  it('tries an expression on captured events: counts, and what decided each', async () => {
    t = await startTestCore();
    await receive(membership('Sales'), membership('Marketing'));
    await receive(membership('Sales', { target: [] }));
    await receive(signIn('SUCCESS', null));
    await stored(3);

    const tried = await preview(SALES);
    expect(tried).toMatchObject({ checked: 3, deliveries: 2, sampled: false, diagnostics: [] });
    expect(tried.counts).toEqual({ pass: 1, drop: 2, unknown: 0 });
    const passed = tried.events.find((event) => event.verdict === 'pass');
    expect(passed?.because.map((part) => SALES.slice(part.span.start, part.span.end))).toContain(
      "event.target.?[displayName eq 'Sales'].size()>0",
    );

    const outside = await preview("event.target.![displayName].contains('Sales')");
    expect(outside.diagnostics[0]).toMatchObject({ severity: 'unsupported' });
    expect(outside.counts).toEqual({ pass: 0, drop: 0, unknown: 3 });

    const broken = await preview('event.actor.id eq');
    expect(broken.diagnostics[0]).toMatchObject({ severity: 'error' });
  });

  it('offers the fields and values the captured events of a type have', async () => {
    t = await startTestCore();
    await receive(membership('Sales'), membership('Marketing'));
    await stored(1);
    const catalog = await t.call('filters.fields', { eventType: MEMBERSHIP });
    expect(catalog.events).toBe(2);
    const group = catalog.targets.find((target) => target.type === 'UserGroup');
    const names = group?.fields.find((field) => field.path === 'displayName')?.values.map((v) => v.value);
    expect(names?.sort()).toEqual(['Marketing', 'Sales']);
  });

  it('keeps what a saved filter lets through for filter:<name>, including deliveries as they arrive', async () => {
    t = await startTestCore();
    await receive(membership('Sales'));
    await receive(membership('Marketing'));
    await receive(signIn('SUCCESS', null));
    await stored(3);
    await t.call('filters.save', { name: 'sales', entries: [{ eventType: MEMBERSHIP, expression: SALES }] });
    const filter = await ready('sales');
    expect(filter.run).toMatchObject({ events: { pass: 1, drop: 1, unknown: 0 }, deliveries: 1, total: 2 });
    expect((await list('filter:sales')).total).toBe(1);
    expect((await list('-filter:sales')).total).toBe(2);

    await receive(membership('Sales'), membership('Marketing'));
    await stored(4);
    // No waiting on the check: a filter: query is answered once the stored deliveries are checked.
    expect((await list('filter:sales')).total).toBe(2);

    await t.call('filters.delete', { name: 'sales' });
    const gone = await t.core.dispatch('exchanges.list', { limit: 5, query: 'filter:sales' });
    expect(gone).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('keeps saved filters across restarts', async () => {
    t = await startTestCore();
    const { dataDir } = t;
    await t.call('filters.save', { name: 'sales', entries: [{ eventType: MEMBERSHIP, expression: SALES }] });
    await t.core.stop();
    t = await startTestCore({ dataDir });
    const state = await t.call('filters.list', {});
    expect(state.filters.map((f) => [f.name, f.entries])).toEqual([
      ['sales', [{ eventType: MEMBERSHIP, expression: SALES }]],
    ]);
  });

  it('sends a test delivery with only the events a saved filter lets through', async () => {
    t = await startTestCore();
    await t.call('filters.save', {
      name: 'failures',
      entries: [{ eventType: 'user.session.start', expression: "event.outcome.result eq 'FAILURE'" }],
    });
    const sent = await t.call('samples.send', {
      eventTypes: ['user.session.start', 'user.lifecycle.create'],
      filter: 'failures',
    });
    expect(sent.withheld).toEqual([
      expect.objectContaining({ eventType: 'user.session.start', verdict: 'drop' }),
    ]);
    const exchange = await t.call('exchanges.get', {
      id: sent.exchangeId,
    });
    expect(exchange.okta.events.map((event) => event.eventType)).toEqual(['user.lifecycle.create']);

    const none = await t.core.dispatch('samples.send', {
      eventTypes: ['user.session.start'],
      filter: 'failures',
    });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
