import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewExchange } from './exchange-store';
import { makeTempDir } from '../testing/core-fixture';
import { draft, openStore, type OpenedStore } from '../testing/store-fixture';

const dirs: string[] = [];
const opened: OpenedStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ store }) => store.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function storeWith(drafts: NewExchange[], now = () => Date.now()) {
  const dir = await makeTempDir('ohi-search-');
  dirs.push(dir);
  const result = await openStore(dir, { now });
  opened.push(result);
  for (const d of drafts) await result.store.append(d);
  return result.store;
}

const delivery = (n: number, login: string, extra: Partial<NewExchange> = {}): NewExchange => ({
  ...draft(n, {
    body: JSON.stringify({
      data: { events: [{ actor: { alternateId: login, displayName: 'Maria Lopez' } }] },
    }),
  }),
  ...extra,
});

describe('search', () => {
  it('finds a value in a body, case-insensitively, as a phrase or words, and negates', async () => {
    const store = await storeWith([delivery(1, 'Alice@Example.com'), delivery(2, 'bob@example.com')]);
    const ids = (query: string) => store.list({ limit: 10, query }).items.map((s) => s.id);
    expect(ids('alice@example.com')).toEqual(['id-1']);
    expect(ids('"maria lopez" ALICE')).toEqual(['id-1']);
    expect(ids('example.com')).toEqual(['id-2', 'id-1']);
    expect(ids('-alice')).toEqual(['id-2']);
    expect(ids('alternateid')).toEqual(['id-2', 'id-1']);
    expect(ids('nobody')).toEqual([]);
  });

  it('looks in headers, request line and text bodies, but never in secret header values', async () => {
    const base = draft(1, { body: 'plain text Body' });
    const store = await storeWith([
      {
        ...base,
        request: {
          ...base.request,
          query: 'probe=1',
          headers: [
            ['Authorization', 'Basic c2VjcmV0'],
            ['X-Trace', 'Trace-42'],
          ],
        },
      },
    ]);
    const total = (query: string) => store.list({ limit: 10, query }).total;
    expect(total('x-trace: trace-42')).toBe(1);
    expect(total('probe=1')).toBe(1);
    expect(total('text body')).toBe(1);
    expect(total('authorization')).toBe(1);
    expect(total('c2vjcmv0')).toBe(0);
  });

  it('combines text with filters and tells which pushed exchanges match', async () => {
    const store = await storeWith([
      delivery(1, 'alice@example.com'),
      { ...delivery(2, 'alice@example.com'), response: { ...draft(2).response, status: 500 } },
      delivery(3, 'carol@example.com'),
    ]);
    expect(store.list({ limit: 10, query: 'alice status:5xx' }).items.map((s) => s.id)).toEqual(['id-2']);
    expect(store.match('alice', ['id-1', 'id-3', 'gone'])).toEqual(['id-1']);
    expect(store.match('', ['id-3'])).toEqual(['id-3']);
  });

  it('keeps cached results current as exchanges arrive, are deleted, or get their final timing', async () => {
    const store = await storeWith([delivery(1, 'a'), delivery(2, 'a')]);
    expect(store.list({ limit: 10, query: 'duration:>3s' }).total).toBe(0);
    await store.completeTiming('id-1', { bodyMs: 1, durationMs: 3500 });
    expect(store.list({ limit: 10, query: 'duration:>3s' }).items.map((s) => s.id)).toEqual(['id-1']);
    expect(store.list({ limit: 10, query: 'a' }).total).toBe(2);
    await store.append(delivery(3, 'a'));
    await store.delete(store.select({ ids: ['id-1'] }));
    expect(store.list({ limit: 10, query: 'a' }).items.map((s) => s.id)).toEqual(['id-3', 'id-2']);
  });

  it('counts deliveries per slice by outcome over the matching window', async () => {
    const minute = 60_000;
    const t0 = new Date(2026, 4, 1, 10, 0, 0).getTime();
    const store = await storeWith(
      [
        draft(1, { receivedAt: t0 + 5_000 }),
        draft(2, { receivedAt: t0 + 20_000, status: 500 }),
        draft(3, { receivedAt: t0 + 2 * minute, status: 401 }),
        draft(4, { receivedAt: t0 + 2 * minute + 1, durationMs: 3200 }),
      ],
      () => t0 + 3 * minute,
    );
    const timeline = store.timeline('', 60);
    expect(timeline.bucketMs).toBe(5_000);
    expect(timeline.total).toBe(4);
    const sum = (field: 'accepted' | 'failed' | 'rejected' | 'timedOut') =>
      timeline.buckets.reduce((total, bucket) => total + bucket[field], 0);
    expect([sum('accepted'), sum('failed'), sum('rejected'), sum('timedOut')]).toEqual([1, 1, 1, 1]);
    expect(Math.max(...timeline.buckets.map((b) => b.maxMs))).toBe(3200);
    const zoomed = store.timeline('after:2026-05-01T10:00:00 before:2026-05-01T10:01:00', 60);
    expect(zoomed.from).toBe(t0);
    expect(zoomed.bucketMs).toBe(1_000);
    expect(zoomed.total).toBe(2);
  });
});
