import { describe, expect, it } from 'vitest';
import type { Capture } from './capture-index';
import { correlate } from './correlate';
import { SystemLogEvents } from './system-log-events';

const T0 = Date.parse('2026-11-26T10:00:00.000Z');
const HOOK = 'whoA0000000000000001';
const OTHER = 'whoB0000000000000002';
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const event = (uuid: string, minutes: number, hooks = HOOK) => ({
  uuid,
  published: at(minutes),
  eventType: 'user.session.start',
  outcome: { result: 'SUCCESS' },
  debugContext: { debugData: { targetEventHookIds: hooks } },
});

const failure = (
  uuid: string,
  minutes: number,
  debugData: Record<string, string> = {},
  target: unknown[] = [{ id: HOOK, type: 'EventHook' }],
) => ({
  uuid,
  published: at(minutes),
  eventType: 'event_hook.delivery',
  outcome: { result: 'FAILURE', reason: 'Read timed out' },
  target,
  debugContext: { debugData },
});

function run(events: unknown[], arrivals: Record<string, Partial<Capture>[]> = {}, now = T0 + 600 * 60_000) {
  const logEvents = new SystemLogEvents();
  logEvents.add(events);
  const result = correlate({
    entries: logEvents.entries(),
    tracked: new Set([HOOK]),
    arrivals: (uuid) =>
      (arrivals[uuid] ?? []).map((c) => ({
        exchangeId: 'x',
        origin: 'live',
        status: 204,
        durationMs: 5,
        receivedAt: T0,
        ...c,
      })),
    resends: () => [],
    now,
  });
  return { ...result, status: (uuid: string) => result.byUuid.get(uuid)?.status };
}

describe('correlate', () => {
  it('ties a failure Okta logged 6 minutes or 2 hours after the event to it', () => {
    const r = run([event('e1', 0), failure('f1', 6), event('e2', 10), failure('f2', 130)]);
    expect(r.byUuid.get('e1')?.failure).toMatchObject({ logUuid: 'f1', match: 'by-time', untied: null });
    expect(r.byUuid.get('e2')?.failure).toMatchObject({ logUuid: 'f2', match: 'by-time' });
    expect(r.unmatchedFailures).toEqual([]);
  });

  it('gives each failure the nearest earlier event of its hook not accepted here, however long before', () => {
    const r = run(
      [event('old', 0), event('ok', 9), event('late', 10), failure('f1', 12), failure('f2', 300)],
      {
        ok: [{ status: 204 }],
      },
    );
    expect(r.byUuid.get('late')?.failure?.logUuid).toBe('f1');
    expect(r.byUuid.get('old')?.failure?.logUuid).toBe('f2');
    expect(r.status('ok')).toBe('received');
  });

  it('gives the events of one refused delivery the same failure', () => {
    const r = run([event('a', 0), event('b', 0.1), failure('f1', 3)], {
      a: [{ exchangeId: 'd1', status: 500 }],
      b: [{ exchangeId: 'd1', status: 500 }],
    });
    expect([r.status('a'), r.status('b')]).toEqual(['failed', 'failed']);
  });

  it('prefers a failure record that names the event, and trusts it over a 2xx here', () => {
    const r = run([event('e1', 0), event('e2', 1), failure('f1', 2, { events: 'e1' }), failure('f2', 3)], {
      e1: [{ status: 204 }],
    });
    expect(r.byUuid.get('e1')?.failure).toMatchObject({ logUuid: 'f1', match: 'exact' });
    expect(r.byUuid.get('e2')?.failure).toMatchObject({ logUuid: 'f2', match: 'by-time' });
  });

  it('finds the hook wherever the record names it: a target of another type, or debugData', () => {
    const r = run([
      event('e1', 0),
      failure('f1', 1, {}, [{ id: HOOK, type: 'Webhook' }]),
      event('e2', 5),
      failure('f2', 6, { eventHookId: HOOK }, []),
    ]);
    expect([r.status('e1'), r.status('e2')]).toEqual(['failed', 'failed']);
    expect(r.byUuid.get('e2')?.failure?.hookId).toBe(HOOK);
  });

  it('says why a failure could not be tied, and leaves other hooks alone', () => {
    const r = run([
      failure('before-any-event', 0),
      event('e1', 1),
      failure('nameless', 2, {}, []),
      failure('not-ours', 3, {}, [{ id: OTHER, type: 'EventHook' }]),
    ]);
    expect(r.unmatchedFailures).toMatchObject([
      {
        logUuid: 'before-any-event',
        hookId: HOOK,
        match: 'none',
        untied: expect.stringMatching(/No event of this hook/),
      },
      {
        logUuid: 'nameless',
        hookId: null,
        match: 'none',
        untied: expect.stringMatching(/names no event hook/),
      },
    ]);
    expect(r.status('e1')).toBe('missing');
  });

  it('tells refused (answered non-2xx or too late here) from pending and missing', () => {
    const r = run(
      [event('late', 0), event('soon', 58), event('other-hook', 0, OTHER)],
      { late: [{ status: 204, durationMs: 3500 }] },
      T0 + 60 * 60_000,
    );
    expect(r.status('late')).toBe('refused');
    expect(r.status('soon')).toBe('pending');
    expect(r.status('other-hook')).toBeUndefined();
    expect(r.counts).toEqual({ received: 0, refused: 1, failed: 0, pending: 1, missing: 0 });
  });
});
