import { describe, expect, it } from 'vitest';
import type { Capture } from './capture-index';
import { correlate } from './correlate';
import { LogBook } from './log-book';

const T0 = Date.parse('2026-11-26T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const event = (uuid: string, minutes: number, hooks = 'whoA') => ({
  uuid,
  published: at(minutes),
  eventType: 'user.session.start',
  outcome: { result: 'SUCCESS' },
  debugContext: { debugData: { targetEventHookIds: hooks } },
});

const failure = (uuid: string, minutes: number, debugData: Record<string, string> = {}) => ({
  uuid,
  published: at(minutes),
  eventType: 'event_hook.delivery',
  outcome: { result: 'FAILURE', reason: 'Read timed out' },
  target: [{ id: 'whoA', type: 'EventHook' }],
  debugContext: { debugData },
});

function run(events: unknown[], arrivals: Record<string, Partial<Capture>[]> = {}, now = T0 + 60 * 60_000) {
  const book = new LogBook();
  book.add(events);
  const result = correlate({
    entries: book.entries(),
    tracked: new Set(['whoA']),
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
  it('prefers a failure record that names the event over one found by time', () => {
    const r = run([event('e1', 0), event('e2', 1), failure('f1', 2, { events: 'e2' })]);
    expect(r.byUuid.get('e2')?.failure).toMatchObject({ logUuid: 'f1', match: 'exact' });
    expect(r.byUuid.get('e1')?.failure).toMatchObject({ logUuid: 'f1', match: 'by-time' });
  });

  it('trusts Okta over a 2xx here when the failure names the event (the tunnel was too slow)', () => {
    const r = run([event('e1', 0), failure('f1', 1, { uuids: 'e1' })], { e1: [{ status: 204 }] });
    expect(r.status('e1')).toBe('failed');
  });

  it('does not blame a failure by time on an event accepted here, nor on one long before it', () => {
    const r = run([event('old', 0), event('ok', 9), failure('f1', 10)], { ok: [{ status: 204 }] });
    expect(r.status('ok')).toBe('received');
    expect(r.status('old')).toBe('missing');
    expect(r.unmatchedFailures.map((f) => f.logUuid)).toEqual(['f1']);
  });

  it('tells refused (answered non-2xx or too late here) from pending and missing', () => {
    const r = run([event('late', 0), event('soon', 58), event('other-hook', 0, 'whoB')], {
      late: [{ status: 204, durationMs: 3500 }],
    });
    expect(r.status('late')).toBe('refused');
    expect(r.status('soon')).toBe('pending');
    expect(r.status('other-hook')).toBeUndefined();
    expect(r.counts).toEqual({ received: 0, refused: 1, failed: 0, pending: 1, missing: 0 });
  });
});
