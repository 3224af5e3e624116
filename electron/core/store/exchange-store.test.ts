import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../deps';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { waitFor } from '../../../test-support/engine/wait-for';
import { draft, openStore, type OpenedStore } from '../../../test-support/engine/store-fixture';
import type { StoreOptions } from './exchange-store';
import { historyPaths } from './history';

const dirs: string[] = [];
const opened: OpenedStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ store }) => store.close().catch(() => undefined)));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function open(dir: string, options: Partial<StoreOptions> = {}) {
  const store = await openStore(dir, options);
  opened.push(store);
  return store;
}

async function close(store: OpenedStore) {
  opened.splice(opened.indexOf(store), 1);
  await store.store.close();
}

async function tempDir() {
  const dir = await makeTempDir('ohi-store-');
  dirs.push(dir);
  return dir;
}

const records = (dir: string) => historyPaths(dir).records;
const segmentFiles = async (dir: string) => (await readdir(records(dir))).sort();
const lastSegment = async (dir: string) =>
  path.join(records(dir), (await segmentFiles(dir)).at(-1) as string);
const seqs = async (store: OpenedStore['store'], query = '') =>
  (await store.list({ limit: 1000, query })).items.map((s) => s.seq);
const removeIndex = async (dir: string) => {
  for (const suffix of ['', '-wal', '-shm']) await rm(`${historyPaths(dir).index}${suffix}`, { force: true });
};

/** What the index judged of a delivery that repeats nothing stored before it. */
const JUDGED = { repeatedEvents: [], outOfOrder: [] };

function noticeLogger() {
  const notices: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (_m, f) => notices.push(String(f?.message)) };
  return { logger, notices };
}

describe('ExchangeStore', () => {
  it('assigns monotonic seqs, notifies in order and survives a restart with final timings', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const stored = await Promise.all([1, 2, 3].map((n) => first.store.append(draft(n))));
    expect(stored.map((e) => e.seq)).toEqual([1, 2, 3]);
    // Lists are told once the rows are indexed, a moment after the records are written.
    await waitFor(() => (first.appended.length === 3 ? true : undefined));
    expect(first.appended.map((s) => s.seq)).toEqual([1, 2, 3]);
    await first.store.completeTiming(stored[1]!.id, { bodyMs: 0.1, storedMs: 0.5, durationMs: 2.5 });
    expect(first.updated).toMatchObject([{ id: 'id-2', durationMs: 2.5 }]);
    await close(first);

    const { store } = await open(dir);
    const page = await store.list({ limit: 10 });
    expect(page.items.map((s) => s.seq)).toEqual([3, 2, 1]);
    expect(page.items[1]).toMatchObject({ durationMs: 2.5, pinned: false, status: 204, kind: 'delivery' });
    expect(page.lastSeq).toBe(3);
    const full = await store.get(stored[1]!.id);
    expect(full).toEqual({
      ...stored[1],
      timing: { bodyMs: 0.1, storedMs: 0.5, durationMs: 2.5 },
      sightings: JUDGED,
    });
    expect((await store.append(draft(4))).seq).toBe(4);
  });

  it('keeps every body as it came: text, binary and empty', async () => {
    const { store } = await open(await tempDir());
    const exchange = draft(1, { body: '{"emoji":"😀","quote":"\\"","line":"a\\nb"}' });
    exchange.request.decodedBody = {
      base64: Buffer.from([0, 255, 1]).toString('base64'),
      size: 3,
      truncated: false,
    };
    exchange.response.body = { size: 0, truncated: false };
    const stored = await store.append(exchange);
    expect(await store.get('id-1')).toEqual({ ...stored, sightings: JUDGED });
  });

  it('pages newest first from any position, with a cursor, also through a query', async () => {
    const { store } = await open(await tempDir());
    for (let n = 1; n <= 6; n += 1) await store.append(draft(n, { status: n % 2 === 0 ? 500 : 204 }));
    const first = await store.list({ limit: 2 });
    expect(first.items.map((s) => s.seq)).toEqual([6, 5]);
    expect(first.total).toBe(6);
    expect((await store.list({ limit: 2, cursor: first.nextCursor! })).items.map((s) => s.seq)).toEqual([
      4, 3,
    ]);
    expect((await store.list({ limit: 2, offset: 4 })).items.map((s) => s.seq)).toEqual([2, 1]);
    // Pages in the older half are read from the oldest end: the same rows, partial at the end.
    for (const [offset, limit, expected] of [
      [3, 2, [3, 2]],
      [4, 5, [2, 1]],
      [5, 3, [1]],
      [6, 2, []],
    ] as const)
      expect((await store.list({ limit, offset })).items.map((s) => s.seq)).toEqual(expected);
    const failed = await store.list({ limit: 2, query: 'status:5xx' });
    expect(failed.items.map((s) => s.seq)).toEqual([6, 4]);
    expect(failed.total).toBe(3);
    expect((await store.list({ limit: 2, query: 'status:5xx', offset: 2 })).items.map((s) => s.seq)).toEqual([
      2,
    ]);
  });

  it('finds free text by words, the word being typed by its start, and no infix', async () => {
    const { store } = await open(await tempDir());
    const bodies = [
      '{"eventType":"user.session.start"}',
      '{"eventType":"user.session.end"}',
      '{"who":"alice@example.com"}',
    ];
    for (const [i, body] of bodies.entries()) await store.append(draft(i + 1, { body }));
    expect(await seqs(store, 'session.st')).toEqual([1]);
    expect(await seqs(store, 'session')).toEqual([2, 1]);
    expect(await seqs(store, 'session.st ')).toEqual([]);
    expect(await seqs(store, 'session.start ')).toEqual([1]);
    expect(await seqs(store, 'alice')).toEqual([3]);
    expect(await seqs(store, 'lice')).toEqual([]);
  });

  it('indexes records written after the index last committed (a crash between the two writes)', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await first.store.append(draft(1));
    await close(first);
    const { index } = historyPaths(dir);
    const before = await readFile(index);
    const second = await open(dir);
    for (let n = 2; n <= 3; n += 1) await second.store.append(draft(n));
    await close(second);
    // The index as it was before the last two records: as if the process died in between.
    await removeIndex(dir);
    await writeFile(index, before);
    const { store } = await open(dir);
    expect(await seqs(store)).toEqual([3, 2, 1]);
    expect(store.stats().count).toBe(3);
    expect((await store.append(draft(4))).seq).toBe(4);
  });

  it('drops a torn tail left by a crash mid-write and keeps everything before it', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await first.store.append(draft(1));
    await first.store.append(draft(2));
    await close(first);
    const file = await lastSegment(dir);
    const whole = (await stat(file)).size;
    const record = (await readFile(file)).subarray(0, 40);
    await appendFile(file, record);
    const { logger, notices } = noticeLogger();
    const { store } = await open(dir, { logger });
    expect(await seqs(store)).toEqual([2, 1]);
    expect((await store.append(draft(3))).seq).toBe(3);
    expect((await stat(file)).size).toBeGreaterThan(whole);
    await store.close();
    expect(await seqs((await open(dir)).store)).toEqual([3, 2, 1]);
    expect(notices.join(' ')).toMatch(/40 bytes of an incomplete record/);
  });

  it('skips a damaged record when it rebuilds the index from the records, with a notice', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    for (let n = 1; n <= 3; n += 1) await first.store.append(draft(n));
    await close(first);
    const file = await lastSegment(dir);
    const bytes = await readFile(file);
    const second = bytes.indexOf('"id":"id-2"');
    bytes.write('XX', second + 2);
    await writeFile(file, bytes);
    await removeIndex(dir);
    const { logger, notices } = noticeLogger();
    const { store } = await open(dir, { logger });
    expect(await seqs(store)).toEqual([3, 1]);
    expect(notices.join(' ')).toMatch(/unreadable/);
    expect(store.stats().notices.join(' ')).toMatch(/unreadable/);
  });

  it('clears everything but pinned exchanges and keeps seq moving forward, also after a restart', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    for (let n = 1; n <= 3; n += 1) await first.store.append(draft(n));
    await first.store.setPinned(await first.store.select({ ids: ['id-2'] }), true);
    expect(await first.store.clear()).toBe(2);
    expect(await seqs(first.store)).toEqual([2]);
    await close(first);
    const { store } = await open(dir);
    expect(await seqs(store)).toEqual([2]);
    expect((await store.list({ limit: 1, query: 'is:pinned' })).total).toBe(1);
    expect((await store.append(draft(4))).seq).toBe(4);
  });
});

describe('ExchangeStore, while its index cannot be written', () => {
  it('never says a stored exchange is missing (an import would store its id again)', async () => {
    const dir = await tempDir();
    const t = await open(dir);
    // Another connection holds the index's write lock: its writes fail, as on a full disk.
    const lock = new Database(historyPaths(dir).index);
    lock.exec('BEGIN IMMEDIATE');
    try {
      await t.store.append(draft(1));
      const known = await t.store.receivedAtOf(['id-1']).catch(() => 'cannot tell');
      expect(known).not.toEqual(new Map());
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    expect(await t.store.receivedAtOf(['id-1'])).toEqual(new Map([['id-1', draft(1).receivedAt]]));
  });
});

describe('ExchangeStore retention', () => {
  it('evicts the oldest beyond the count limit, durably, and tells listeners', async () => {
    const dir = await tempDir();
    const first = await open(dir, { retention: { maxCount: 5, maxBytes: 1e9 } });
    for (let n = 1; n <= 8; n += 1) await first.store.append(draft(n));
    await close(first);
    expect(first.removed.sort()).toEqual(['id-1', 'id-2', 'id-3']);
    const { store } = await open(dir, { retention: { maxCount: 50, maxBytes: 1e9 } });
    expect(await seqs(store)).toEqual([8, 7, 6, 5, 4]);
    expect(store.stats().count).toBe(5);
  });

  it('keeps the history under the byte limit by deleting the oldest segment files', async () => {
    const dir = await tempDir();
    const options = { retention: { maxCount: 100_000, maxBytes: 1e9 }, segmentBytes: 2 * 1024 };
    const first = await open(dir, options);
    for (let n = 1; n <= 60; n += 1) await first.store.append(draft(n));
    // A text search waits for the words of what it covers: the index has its full size after it.
    await first.store.list({ limit: 1, query: 'x-n' });
    const logBytes = async () =>
      (await Promise.all((await segmentFiles(dir)).map((f) => stat(path.join(records(dir), f))))).reduce(
        (sum, s) => sum + s.size,
        0,
      );
    const indexBytes = first.store.stats().bytes - (await logBytes());
    await first.store.setRetention({ maxCount: 100_000, maxBytes: indexBytes + 8 * 1024 });
    await close(first);
    expect(await logBytes()).toBeLessThanOrEqual(8 * 1024 + 2 * 1024);
    expect((await segmentFiles(dir))[0]).not.toBe('00000001.rec');
    const kept = await seqs((await open(dir, options)).store);
    expect(kept[0]).toBe(60);
    expect(kept.at(-1)).toBeGreaterThan(1);
  });

  it('never evicts a pinned exchange: it is carried forward when its segment goes, and survives restarts', async () => {
    const dir = await tempDir();
    const options = { retention: { maxCount: 10, maxBytes: 1e9 }, segmentBytes: 2 * 1024 };
    const first = await open(dir, options);
    await first.store.append(draft(1));
    await first.store.completeTiming('id-1', { bodyMs: 1, durationMs: 42 });
    await first.store.setPinned(await first.store.select({ ids: ['id-1'] }), true);
    for (let n = 2; n <= 80; n += 1) await first.store.append(draft(n));
    await close(first);
    expect(await segmentFiles(dir)).not.toContain('00000001.rec');
    const { store } = await open(dir, options);
    expect(await seqs(store)).toContain(1);
    expect((await store.list({ limit: 5, query: 'is:pinned' })).items).toMatchObject([
      { id: 'id-1', durationMs: 42 },
    ]);
    expect((await store.get('id-1'))?.timing.durationMs).toBe(42);
    expect(store.stats()).toMatchObject({ count: 10, pinned: 1 });
  });

  it('evicts an exchange unpinned after its time is up, and keeps it evicted', async () => {
    const dir = await tempDir();
    const options = { retention: { maxCount: 3, maxBytes: 1e9 } };
    const first = await open(dir, options);
    await first.store.append(draft(1));
    await first.store.setPinned(await first.store.select({ ids: ['id-1'] }), true);
    for (let n = 2; n <= 6; n += 1) await first.store.append(draft(n));
    // Retention runs once appends are answered; applying the same limits waits for it.
    await first.store.setRetention(options.retention);
    expect(await seqs(first.store)).toEqual([6, 5, 1]);
    await first.store.setPinned(await first.store.select({ ids: ['id-1'] }), false);
    expect(await seqs(first.store)).toEqual([6, 5]);
    await close(first);
    expect(await seqs((await open(dir, options)).store)).toEqual([6, 5]);
  });

  it('deletes durably, by ids or by query', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    for (let n = 1; n <= 5; n += 1) await first.store.append(draft(n, { status: n === 4 ? 401 : 204 }));
    expect(await first.store.delete(await first.store.select({ ids: ['id-2', 'nope'] }))).toBe(1);
    expect(await first.store.delete(await first.store.select({ query: 'status:4xx' }))).toBe(1);
    expect(await first.store.delete(await first.store.select({ query: '', except: ['id-1', 'id-3'] }))).toBe(
      1,
    );
    expect(first.removed).toEqual(['id-2', 'id-4', 'id-5']);
    await close(first);
    expect(await seqs((await open(dir)).store)).toEqual([3, 1]);
  });

  it('reads the carried copy when a crash left it beside the original', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await first.store.append(draft(1));
    await first.store.append(draft(2));
    await close(first);
    const file = await lastSegment(dir);
    const bytes = await readFile(file);
    const firstRecord = bytes.subarray(0, bytes.indexOf(Buffer.from('OIH2'), 1));
    await appendFile(file, firstRecord);
    const { store } = await open(dir);
    expect(await seqs(store)).toEqual([2, 1]);
    expect((await store.get('id-1'))?.request.body.text).toBe('{"n":1}');
    expect(store.stats().count).toBe(2);
  });
});
