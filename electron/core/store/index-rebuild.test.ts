import { copyFile, cp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEvent } from '../../../shared/okta/log-event';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { waitFor } from '../../../test-support/engine/wait-for';
import { draft, openStore, type OpenedStore } from '../../../test-support/engine/store-fixture';
import type { Logger } from '../deps';
import type { ExchangeStore } from './exchange-store';
import { historyPaths } from './history';

/** A history whose index the previous table version wrote (its README says what it holds). */
const FIXTURE = path.resolve('test-support/fixtures/history-index-v1');

const dirs: string[] = [];
const opened: OpenedStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ store }) => store.close().catch(() => undefined)));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir() {
  const dir = await makeTempDir('ohi-rebuild-');
  dirs.push(dir);
  return dir;
}

/** Opened with a record of the notices the status showed each time it was told to change. */
async function open(dir: string) {
  const shown: string[][] = [];
  const store: { current?: ExchangeStore } = {};
  const result = await openStore(dir, {
    listeners: {
      appended: () => undefined,
      updated: () => undefined,
      removed: () => undefined,
      reloaded: () => undefined,
      status: () => shown.push(store.current?.stats().notices ?? []),
    },
  });
  store.current = result.store;
  opened.push(result);
  return { store: result.store, shown };
}

/** Mark the folder's index as one of another table version, as an older build left it. */
function olderIndex(dir: string) {
  const index = new Database(historyPaths(dir).index);
  index.exec('PRAGMA user_version = 1');
  index.close();
}

/** A folder of `count` stored deliveries whose index an older build left. */
async function historyOfOlderIndex(count: number) {
  const dir = await tempDir();
  const first = await openStore(dir);
  await Promise.all(Array.from({ length: count }, (_, i) => first.store.append(draft(i + 1))));
  await first.store.close();
  olderIndex(dir);
  return dir;
}

const rebuilding = (store: ExchangeStore) =>
  store.stats().notices.some((notice) => notice.startsWith('Rebuilding the history index'));
const rebuilt = (store: ExchangeStore) => waitFor(() => (rebuilding(store) ? undefined : true), 30_000);
const seqs = async (store: ExchangeStore) => (await store.list({ limit: 5000 })).items.map((s) => s.seq);

describe('an index of another table version', () => {
  it('is rebuilt from the records, listing imported exchanges by the time they were received', async () => {
    const dir = await tempDir();
    await cp(FIXTURE, dir, { recursive: true });
    const { store } = await open(dir);
    await rebuilt(store);
    // Stored in seq order 1…5; 3 and 4 were imported, dated a week before the others.
    expect(await seqs(store)).toEqual([5, 2, 1, 4, 3]);
    expect(store.stats().notices.join(' ')).toMatch(/table version 1.*rebuilt from the stored records/);
    // Paging by position and by cursor follow the same order.
    expect((await store.list({ limit: 2, offset: 2 })).items.map((s) => s.seq)).toEqual([1, 4]);
    expect((await store.list({ limit: 2, cursor: 1 })).items.map((s) => s.seq)).toEqual([4, 3]);
    expect((await store.append(draft(6))).seq).toBe(6);
  });

  it('says in the log, as information, that it rebuilds the index for this version, then that it is done', async () => {
    const dir = await tempDir();
    await cp(FIXTURE, dir, { recursive: true });
    const lines: unknown[] = [];
    const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      void lines.push({ level, message, fields });
    const logger: Logger = { info: line('info'), warn: line('warn'), error: line('error') };
    const t = await openStore(dir, { logger });
    opened.push(t);
    await rebuilt(t.store);
    expect(lines).toEqual([
      {
        level: 'info',
        message: 'rebuilding the history index for this version',
        fields: { exchanges: 5, tableVersion: 1, newTableVersion: 2 },
      },
      {
        level: 'info',
        message: 'history index rebuilt',
        fields: { exchanges: 5, seconds: expect.any(Number) },
      },
    ]);
  });

  it('is rebuilt in the background: the status shows how far, and what is stored meanwhile follows', async () => {
    const dir = await historyOfOlderIndex(3000);

    const { store, shown } = await open(dir);
    const stored = await store.append(draft(3001, { receivedAt: Date.now() }));
    expect(stored.seq).toBe(3001);
    await rebuilt(store);
    expect(shown.flat().join(' ')).toMatch(/Rebuilding the history index from the stored records: \d+%/);
    const all = await seqs(store);
    expect(all).toHaveLength(3001);
    expect(all[0]).toBe(3001);
    expect(store.stats().count).toBe(3001);
  });

  it('takes an exchange stored under the id of one deleted before it for itself, not for a moved copy', async () => {
    const dir = await tempDir();
    const first = await openStore(dir);
    await first.store.append(draft(1));
    await first.store.append(draft(2));
    expect(await first.store.delete(await first.store.select({ ids: ['id-1', 'id-2'] }))).toBe(2);
    // An import keeps the id its file gave an exchange, also one a deleted exchange had: the
    // deleted records stay in the log until their segment is dropped. One is close behind the
    // deleted one it shares an id with (the rebuild reads them together); the other is more
    // than a rebuild's step of records after it.
    const reused = (n: number, id: string) => ({ ...draft(n), id, origin: 'imported' as const });
    await first.store.append(reused(3, 'id-2'));
    await Promise.all(Array.from({ length: 1000 }, (_, i) => first.store.append(draft(4 + i))));
    await first.store.append(reused(1004, 'id-1'));
    await first.store.close();
    olderIndex(dir);

    const { store } = await open(dir);
    await rebuilt(store);
    expect(await store.get('id-1')).toMatchObject({
      seq: 1004,
      origin: 'imported',
      receivedAt: draft(1004).receivedAt,
    });
    expect(await store.get('id-2')).toMatchObject({
      seq: 3,
      origin: 'imported',
      receivedAt: draft(3).receivedAt,
    });
    const listed = await seqs(store);
    expect(listed).toHaveLength(1002);
    expect(listed).not.toContain(1);
    expect(listed).not.toContain(2);
    expect(store.stats().count).toBe(1002);
  });

  it('never says a stored exchange is missing while it is rebuilt (an import would store its id again)', async () => {
    const dir = await historyOfOlderIndex(3000);

    const { store } = await open(dir);
    const known = await store.receivedAtOf(['id-1']).catch(() => 'cannot tell yet');
    expect(known).not.toEqual(new Map());
    await rebuilt(store);
    expect(await store.receivedAtOf(['id-1'])).toEqual(new Map([['id-1', draft(1).receivedAt]]));
  });
});

/** Delete the folder's index: it is built again from the records as the history opens. */
async function noIndex(dir: string) {
  for (const suffix of ['', '-wal', '-shm']) await rm(`${historyPaths(dir).index}${suffix}`, { force: true });
}

describe('a pinned record carried forward before a crash kept its old segment', () => {
  const replaced: [string, (dir: string) => Promise<void> | void][] = [
    ['an older build left its tables', olderIndex],
    ['its file was deleted', noIndex],
  ];
  it.each(replaced)(
    'is listed once and counted once when the index is built again from the records (%s)',
    async (_, replaceIndex) => {
      const dir = await tempDir();
      const { records } = historyPaths(dir);
      const limits = { segmentBytes: 2 * 1024, retention: { maxCount: 10, maxBytes: 1e9 } };
      const first = await openStore(dir, limits);
      // A delivery with an eventId: judged again from a second copy, it would be a repeat of itself.
      const okta = {
        eventId: 'e1',
        hookId: 'whoA',
        events: [
          decodeEvent({ uuid: 'u1', published: '2026-01-01T00:00:01Z', eventType: 'user.session.start' }),
        ],
      };
      await first.store.append({ ...draft(1), okta });
      await first.store.setPinned(await first.store.select({ ids: ['id-1'] }), true);
      for (let n = 2; n <= 8; n += 1) await first.store.append(draft(n));
      // The oldest segment as it was before retention carried the pin forward and deleted it.
      const oldest = path.join(records, (await readdir(records)).sort()[0]!);
      const kept = `${oldest}.kept`;
      await copyFile(oldest, kept);
      for (let n = 9; n <= 40; n += 1) await first.store.append(draft(n));
      await first.store.close();
      // Retention carried the pin forward and deleted the oldest segment.
      expect(await readdir(records)).not.toContain(path.basename(oldest));
      // The process died after the carried copy was written, before the old file was deleted.
      await copyFile(kept, oldest);
      await rm(kept);
      await replaceIndex(dir);

      const t = await openStore(dir, { ...limits, retention: { maxCount: 100_000, maxBytes: 1e9 } });
      opened.push(t);
      await rebuilt(t.store);
      const page = await t.store.list({ limit: 5000 });
      const listed = page.items.map((s) => s.seq);
      expect(listed.filter((seq) => seq === 1)).toHaveLength(1);
      expect(new Set(listed).size).toBe(listed.length);
      expect(page.total).toBe(listed.length);
      expect(t.store.stats().count).toBe(listed.length);
      const timeline = await t.store.timeline('', 120);
      expect(timeline.total).toBe(listed.length);
      const bucketed = timeline.buckets.reduce(
        (sum, b) => sum + b.accepted + b.rejected + b.failed + b.timedOut + b.other,
        0,
      );
      expect(bucketed).toBe(listed.length);
      expect((await t.store.list({ limit: 10, query: 'type:user.session.start' })).total).toBe(1);
      expect((await t.store.timeline('type:user.session.start', 120)).total).toBe(1);
      expect((await t.store.list({ limit: 10, query: 'is:redelivery' })).total).toBe(0);
      expect((await t.store.get('id-1'))?.sightings?.repeatOf).toBeUndefined();
    },
  );
});
