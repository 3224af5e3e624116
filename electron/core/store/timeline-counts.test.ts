import { readdir, rm, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'libsql';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Timeline } from '../../../shared/model/timeline';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { mountSmallDisk } from '../../../test-support/engine/tmpfs';
import { draft, openStore, type OpenedStore } from '../../../test-support/engine/store-fixture';
import { waitFor } from '../../../test-support/engine/wait-for';
import type { ExchangeStore } from './exchange-store';
import { historyPaths } from './history';

const dirs: string[] = [];
const opened: ExchangeStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Two hours ago, on the hour: rows either side of second, minute and hour boundaries after it. */
const T = Math.floor((Date.now() - 2 * HOUR) / HOUR) * HOUR;
const WIDTHS = [SECOND, MINUTE, HOUR];
/** accepted, rejected, failed, timed out, other: the `exchanges.result` values. */
const RESULTS = 5;

async function open(dir?: string, options: Parameters<typeof openStore>[1] = {}) {
  const folder = dir ?? (await makeTempDir('ohi-timeline-counts-'));
  if (dir === undefined) dirs.push(folder);
  const { store }: OpenedStore = await openStore(folder, options);
  opened.push(store);
  return { store, dir: folder };
}

const readIndex = <T>(dir: string, read: (db: InstanceType<typeof Database>) => T): T => {
  const db = new Database(historyPaths(dir).index, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};

type Row = [receivedAt: number, result: number, durationMs: number];
const rowsOf = (dir: string) =>
  readIndex(
    dir,
    (db) => db.prepare('SELECT received_at, result, duration_ms FROM exchanges').raw().all() as Row[],
  );

/** Per width and slice, counted here from the rows: [width, start, …counts by result, slowest, 0]. */
function countedFromRows(rows: Row[]): number[][] {
  const slices = new Map<string, number[]>();
  for (const width of WIDTHS) {
    for (const [receivedAt, result, durationMs] of rows) {
      const start = Math.floor(receivedAt / width) * width;
      const key = `${width}:${start}`;
      const slice = slices.get(key) ?? [width, start, ...Array<number>(RESULTS).fill(0), 0, 0];
      slice[2 + result]! += 1;
      slice[2 + RESULTS] = Math.max(slice[2 + RESULTS]!, durationMs);
      slices.set(key, slice);
    }
  }
  return [...slices.values()].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
}

/** The kept counts equal a count of the rows, and none waits to have its slowest answer found again. */
async function expectKeptCountsRight(store: ExchangeStore, dir: string): Promise<void> {
  // A read sees every write made before it: the index has caught up.
  await store.list({ limit: 1 });
  const kept = readIndex(
    dir,
    (db) =>
      db
        .prepare(
          `SELECT width, start, accepted, rejected, failed, timed_out, other, max_ms, max_stale
           FROM timeline_counts ORDER BY width, start`,
        )
        .raw()
        .all() as number[][],
  );
  expect(kept).toEqual(countedFromRows(rowsOf(dir)));
}

/** The whole history's timeline, drawn from the kept counts, against the same slices counted from the rows. */
async function expectTimelineRight(store: ExchangeStore, dir: string): Promise<Timeline> {
  const timeline = await store.timeline('', 120);
  const rows = rowsOf(dir);
  expect(timeline.total).toBe(rows.length);
  for (const bucket of timeline.buckets) {
    const inside = rows.filter(([at]) => at >= bucket.start && at < bucket.start + timeline.bucketMs);
    const by = (result: number) => inside.filter(([, r]) => r === result).length;
    expect([bucket.accepted, bucket.rejected, bucket.failed, bucket.timedOut, bucket.other]).toEqual(
      [0, 1, 2, 3, 4].map(by),
    );
    expect(bucket.maxMs).toBe(Math.max(0, ...inside.map(([, , ms]) => ms)));
  }
  return timeline;
}

async function expectRight(store: ExchangeStore, dir: string): Promise<void> {
  await expectKeptCountsRight(store, dir);
  await expectTimelineRight(store, dir);
}

const seqOf = async (store: ExchangeStore, id: string) => (await store.select({ ids: [id] }))[0]!;

/** Wait until the index has the final timing of `id` (timings are written in batches). */
const timed = (store: ExchangeStore, id: string, durationMs: number) =>
  waitFor(async () => {
    const { items } = await store.list({ limit: 100 });
    return items.find((item) => item.id === id)?.durationMs === durationMs ? true : undefined;
  }, 30_000);

describe('the timeline’s kept counts', () => {
  it('follow appends, final timings (the slowest getting quicker) and deletions, to the exact row', async () => {
    const { store, dir } = await open();
    const times = [T - 1, T, T + 0.5, T + 999, T + SECOND, T + MINUTE - 1, T + MINUTE, T + HOUR + 7];
    for (const [i, receivedAt] of times.entries())
      await store.append(draft(i + 1, { receivedAt, status: i % 3 === 0 ? 401 : 204 }));
    await expectRight(store, dir);

    await store.completeTiming('id-2', { bodyMs: 0.1, durationMs: 2500 });
    await store.completeTiming('id-3', { bodyMs: 0.1, durationMs: 900 });
    await timed(store, 'id-3', 900);
    await timed(store, 'id-2', 2500);
    await expectRight(store, dir);
    // The slowest of its second, minute and hour answers quicker after all: each finds the next.
    await store.completeTiming('id-2', { bodyMs: 0.1, durationMs: 4 });
    await timed(store, 'id-2', 4);
    await expectRight(store, dir);

    await store.delete([await seqOf(store, 'id-3'), await seqOf(store, 'id-8')]);
    await expectRight(store, dir);
  });

  it('count an import dated in the past in its own slices', async () => {
    const { store, dir } = await open();
    for (let n = 1; n <= 3; n += 1) await store.append(draft(n, { receivedAt: T + n * MINUTE }));
    for (let n = 4; n <= 6; n += 1)
      await store.append({
        ...draft(n, { receivedAt: T - 3 * DAY + n * HOUR, status: 500 }),
        origin: 'imported',
      });
    await expectRight(store, dir);
    const timeline = await expectTimelineRight(store, dir);
    expect(timeline.buckets.reduce((sum, b) => sum + b.failed, 0)).toBe(3);
  });

  it('follow retention and a Clear that keeps the pinned', async () => {
    const retention = { maxCount: 5, maxBytes: 1e9 };
    const { store, dir } = await open(undefined, { retention });
    for (let n = 1; n <= 9; n += 1) await store.append(draft(n, { receivedAt: T + n * 20 * MINUTE }));
    // Retention runs once appends are answered; applying the same limits waits for it.
    await store.setRetention(retention);
    expect((await store.list({ limit: 1 })).total).toBe(5);
    await expectRight(store, dir);

    await store.setPinned([await seqOf(store, 'id-6'), await seqOf(store, 'id-8')], true);
    await store.clear();
    expect((await store.list({ limit: 10 })).items.map((item) => item.id)).toEqual(['id-8', 'id-6']);
    await expectRight(store, dir);
  });

  it('are added once, from its rows, to an index written before they were kept', async () => {
    const first = await open();
    for (let n = 1; n <= 6; n += 1) await first.store.append(draft(n, { receivedAt: T + n * 7 * MINUTE }));
    await first.store.list({ limit: 1 });
    await first.store.close();
    opened.splice(0);
    const db = new Database(historyPaths(first.dir).index);
    for (const trigger of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER timeline_counts_${trigger}`);
    db.exec('DROP TABLE timeline_counts');
    db.close();

    const { store, dir } = await open(first.dir);
    await expectRight(store, dir);
    await store.append(draft(7, { receivedAt: T + 50 * MINUTE }));
    await expectRight(store, dir);
  });
});

describe('the timeline’s kept counts after a burst', () => {
  const burst = async (store: ExchangeStore, count: number) => {
    const stored = [];
    for (let n = 1; n <= count; n += 1) stored.push(store.append(draft(n, { receivedAt: T + n * 250 })));
    await Promise.all(stored);
  };
  const caughtUp = (store: ExchangeStore) =>
    waitFor(() => (store.stats().unindexed === 0 ? true : undefined), 60_000);

  it('closed before the index read it back: the next start reads it, every row counted', async () => {
    const first = await open();
    await burst(first.store, 4000);
    await first.store.close();
    opened.splice(0);
    const { store, dir } = await open(first.dir);
    await caughtUp(store);
    expect((await store.list({ limit: 1 })).total).toBe(4000);
    await expectRight(store, dir);
  });

  it('cleared while the index reads it back: nothing left, nothing counted', async () => {
    const { store, dir } = await open();
    await burst(store, 4000);
    expect(await store.clear()).toBe(4000);
    await caughtUp(store);
    expect((await store.list({ limit: 1 })).total).toBe(0);
    await expectRight(store, dir);
  });
});

/** Take the kept counts out of an index, as one written before they were kept. */
function stripCounts(dir: string): void {
  const db = new Database(historyPaths(dir).index);
  for (const trigger of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER timeline_counts_${trigger}`);
  db.exec('DROP TABLE timeline_counts');
  db.close();
}

const DISK_BYTES = 16 * 1024 * 1024;
const disk = await mountSmallDisk(DISK_BYTES);
afterAll(async () => disk?.unmount());

describe.skipIf(disk === null)(
  'the timeline’s kept counts, first added on a disk that cannot take them',
  () => {
    afterEach(async () => {
      await disk!.setReadOnly(false);
      for (const name of await readdir(disk!.dir))
        await rm(path.join(disk!.dir, name), { recursive: true, force: true });
    });

    async function oldIndex(name: string): Promise<string> {
      const dir = path.join(disk!.dir, name);
      const first = await open(dir);
      for (let n = 1; n <= 6; n += 1) await first.store.append(draft(n, { receivedAt: T + n * 7 * MINUTE }));
      await first.store.list({ limit: 1 });
      await first.store.close();
      opened.splice(0);
      stripCounts(dir);
      return dir;
    }

    it('are counted from the rows while read-only, and added once it can be written', async () => {
      const dir = await oldIndex('read-only');
      await disk!.setReadOnly(true);
      const { store } = await open(dir);
      const timeline = await store.timeline('', 120);
      expect(timeline.total).toBe(6);
      expect(timeline.buckets.reduce((sum, b) => sum + b.accepted, 0)).toBe(6);
      await disk!.setReadOnly(false);
      await store.append(draft(7, { receivedAt: T + 50 * MINUTE }));
      await expectRight(store, dir);
      await store.delete([await seqOf(store, 'id-2')]);
      await expectRight(store, dir);
    });

    it('are added once room is made on a disk too full to add them at start', async () => {
      const dir = await oldIndex('full');
      const filler = path.join(disk!.dir, 'filler');
      // Everything but a few pages: the index opens, but cannot write the counts' table.
      const { bavail, bsize } = await statfs(disk!.dir);
      await writeFile(filler, Buffer.alloc(Math.max(0, Number(bavail) * Number(bsize) - 4096)));
      const { store } = await open(dir);
      expect((await store.timeline('', 120)).total).toBe(6);
      await rm(filler);
      await store.append(draft(7, { receivedAt: T + 50 * MINUTE }));
      await expectRight(store, dir);
    });

    it('leave an index with room for its writes but not for them writable, and add them at a start with room', async () => {
      const dir = path.join(disk!.dir, 'nearly-full');
      const first = await open(dir);
      // Each in an hour of its own: adding their counts takes more room than the rows' own writes.
      for (let n = 1; n <= 5000; n += 1)
        await first.store.append(draft(n, { receivedAt: T - n * (HOUR + SECOND) }));
      // A burst: reads stop waiting for it and closing leaves it to the next start; all in first.
      await waitFor(() => (first.store.stats().unindexed === 0 ? true : undefined), 60_000);
      await first.store.close();
      opened.splice(0);
      stripCounts(dir);
      const { bavail, bsize } = await statfs(disk!.dir);
      await writeFile(
        path.join(disk!.dir, 'filler'),
        Buffer.alloc(Number(bavail) * Number(bsize) - 512 * 1024),
      );

      const { store } = await open(dir);
      expect(await store.setPinned([await seqOf(store, 'id-1')], true)).toBe(1);
      expect(await store.delete([await seqOf(store, 'id-2')])).toBe(1);
      expect((await store.timeline('', 120)).total).toBe(4999);

      // Counted from the rows meanwhile; kept from the first start with room for them.
      await store.close();
      opened.splice(0);
      await rm(path.join(disk!.dir, 'filler'));
      const again = await open(dir);
      await expectRight(again.store, dir);
    });
  },
);
