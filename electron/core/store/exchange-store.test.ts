import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../deps';
import { makeTempDir } from '../testing/core-fixture';
import { draft, openStore, type OpenedStore } from '../testing/store-fixture';
import type { StoreOptions } from './exchange-store';

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

async function tempDir() {
  const dir = await makeTempDir('ohi-store-');
  dirs.push(dir);
  return dir;
}

const segmentFiles = async (dir: string) => (await readdir(path.join(dir, 'exchanges'))).sort();
const lastSegment = async (dir: string) =>
  path.join(dir, 'exchanges', (await segmentFiles(dir)).at(-1) as string);
const seqs = (store: OpenedStore['store'], query = '') =>
  store.list({ limit: 1000, query }).items.map((s) => s.seq);

function noticeLogger() {
  const notices: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (_m, f) => notices.push(String(f?.message)) };
  return { logger, notices };
}

describe('ExchangeStore', () => {
  it('assigns monotonic seqs, notifies in order and survives a restart with final timings', async () => {
    const dir = await tempDir();
    const { store, appended } = await open(dir);
    const stored = await Promise.all([1, 2, 3].map((n) => store.append(draft(n))));
    expect(stored.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(appended.map((s) => s.seq)).toEqual([1, 2, 3]);
    await store.completeTiming(stored[1]!.id, { bodyMs: 0.1, storedMs: 0.5, durationMs: 2.5 });
    await store.close();

    const reopened = (await open(dir)).store;
    const page = reopened.list({ limit: 10 });
    expect(page.items.map((s) => s.seq)).toEqual([3, 2, 1]);
    expect(page.items[1]?.durationMs).toBe(2.5);
    expect(page.lastSeq).toBe(3);
    const full = await reopened.get(stored[1]!.id);
    expect(full?.request.headers).toEqual([['X-N', '2']]);
    expect(full?.timing).toEqual({ bodyMs: 0.1, storedMs: 0.5, durationMs: 2.5 });
    expect((await reopened.append(draft(4))).seq).toBe(4);
  });

  it('pages newest first with a cursor, also through a query', async () => {
    const { store } = await open(await tempDir());
    for (let n = 1; n <= 6; n += 1) await store.append(draft(n, { status: n % 2 === 0 ? 500 : 204 }));
    const first = store.list({ limit: 2 });
    expect(first.items.map((s) => s.seq)).toEqual([6, 5]);
    expect(first.total).toBe(6);
    const second = store.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((s) => s.seq)).toEqual([4, 3]);
    const failed = store.list({ limit: 2, query: 'status:5xx' });
    expect(failed.items.map((s) => s.seq)).toEqual([6, 4]);
    expect(failed.total).toBe(3);
    expect(
      store.list({ limit: 2, query: 'status:5xx', cursor: failed.nextCursor! }).items.map((s) => s.seq),
    ).toEqual([2]);
  });

  it('drops a torn tail left by a crash mid-write and keeps everything before it', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await store.append(draft(1));
    await store.append(draft(2));
    await store.close();
    const file = await lastSegment(dir);
    const whole = (await stat(file)).size;
    await appendFile(file, '{"r":"exchange","exchange":{"id":"torn","se');
    const { logger, notices } = noticeLogger();
    const reopened = (await open(dir, { logger })).store;
    expect(seqs(reopened)).toEqual([2, 1]);
    expect(notices.join(' ')).toMatch(/incomplete record/);
    expect(reopened.stats().notices.join(' ')).toMatch(/incomplete record/);
    expect((await stat(file)).size).toBe(whole);
    expect((await reopened.append(draft(3))).seq).toBe(3);
  });

  it('drops a corrupt last record and skips a corrupt one in the middle, with a notice', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    for (let n = 1; n <= 3; n += 1) await store.append(draft(n));
    await store.close();
    const file = await lastSegment(dir);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = 'garbage that is not json';
    lines[2] = '{"r":"exchange" ...broken';
    await writeFile(file, lines.join('\n'));
    const { logger, notices } = noticeLogger();
    const reopened = (await open(dir, { logger })).store;
    expect(seqs(reopened)).toEqual([1]);
    expect(notices).toHaveLength(2);
    expect(reopened.stats().notices).toHaveLength(2);
  });

  it('clears everything but pinned exchanges and keeps seq moving forward, also after a restart', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    for (let n = 1; n <= 3; n += 1) await store.append(draft(n));
    await store.setPinned(store.select({ ids: ['id-2'] }), true);
    expect(await store.clear()).toEqual(['id-1', 'id-3']);
    expect(seqs(store)).toEqual([2]);
    await store.close();
    const reopened = (await open(dir)).store;
    expect(seqs(reopened)).toEqual([2]);
    expect(reopened.list({ limit: 1, query: 'is:pinned' }).total).toBe(1);
    expect((await reopened.append(draft(4))).seq).toBe(4);
  });
});

describe('ExchangeStore retention', () => {
  it('evicts the oldest beyond the count limit, durably, and tells listeners', async () => {
    const dir = await tempDir();
    const { store, removed } = await open(dir, { retention: { maxCount: 5, maxBytes: 1e9 } });
    for (let n = 1; n <= 8; n += 1) await store.append(draft(n));
    await store.close();
    expect(removed.sort()).toEqual(['id-1', 'id-2', 'id-3']);
    const reopened = (await open(dir, { retention: { maxCount: 50, maxBytes: 1e9 } })).store;
    expect(seqs(reopened)).toEqual([8, 7, 6, 5, 4]);
  });

  it('keeps the log under the byte limit by deleting the oldest segment files', async () => {
    const dir = await tempDir();
    const limits = { maxCount: 100_000, maxBytes: 8 * 1024 };
    const { store } = await open(dir, { retention: limits, segmentBytes: 2 * 1024 });
    for (let n = 1; n <= 60; n += 1) await store.append(draft(n));
    await store.close();
    const sizes = await Promise.all(
      (await segmentFiles(dir)).map((f) => stat(path.join(dir, 'exchanges', f))),
    );
    const total = sizes.reduce((sum, s) => sum + s.size, 0);
    expect(total).toBeLessThanOrEqual(limits.maxBytes + 2 * 1024);
    expect((await segmentFiles(dir))[0]).not.toBe('00000001.ndjson');
    const kept = seqs((await open(dir, { retention: limits, segmentBytes: 2 * 1024 })).store);
    expect(kept[0]).toBe(60);
    expect(kept.at(-1)).toBeGreaterThan(1);
    expect(kept).toEqual([...kept].sort((a, b) => b - a));
  });

  it('never evicts a pinned exchange: it is carried forward when its segment goes, and survives restarts', async () => {
    const dir = await tempDir();
    const options = { retention: { maxCount: 10, maxBytes: 8 * 1024 }, segmentBytes: 2 * 1024 };
    const { store } = await open(dir, options);
    await store.append(draft(1));
    await store.completeTiming('id-1', { bodyMs: 1, durationMs: 42 });
    await store.setPinned(store.select({ ids: ['id-1'] }), true);
    for (let n = 2; n <= 80; n += 1) await store.append(draft(n));
    await store.close();
    expect(await segmentFiles(dir)).not.toContain('00000001.ndjson');
    const reopened = (await open(dir, options)).store;
    expect(seqs(reopened)).toContain(1);
    expect(reopened.list({ limit: 5, query: 'is:pinned' }).items).toMatchObject([
      { id: 'id-1', durationMs: 42 },
    ]);
    expect((await reopened.get('id-1'))?.timing.durationMs).toBe(42);
    expect(reopened.stats().count).toBeLessThanOrEqual(10);
  });

  it('evicts an exchange unpinned after its time is up, and keeps it evicted', async () => {
    const dir = await tempDir();
    const options = { retention: { maxCount: 3, maxBytes: 1e9 } };
    const { store } = await open(dir, options);
    await store.append(draft(1));
    await store.setPinned(store.select({ ids: ['id-1'] }), true);
    for (let n = 2; n <= 6; n += 1) await store.append(draft(n));
    expect(seqs(store)).toEqual([6, 5, 1]);
    await store.setPinned(store.select({ ids: ['id-1'] }), false);
    expect(seqs(store)).toEqual([6, 5]);
    await store.close();
    expect(seqs((await open(dir, options)).store)).toEqual([6, 5]);
  });

  it('deletes durably, by ids or by query', async () => {
    const dir = await tempDir();
    const { store, removed } = await open(dir);
    for (let n = 1; n <= 5; n += 1) await store.append(draft(n, { status: n === 4 ? 401 : 204 }));
    expect(await store.delete(store.select({ ids: ['id-2', 'nope'] }))).toBe(1);
    expect(await store.delete(store.select({ query: 'status:4xx' }))).toBe(1);
    expect(await store.delete(store.select({ query: '', except: ['id-1', 'id-3'] }))).toBe(1);
    expect(removed).toEqual(['id-2', 'id-4', 'id-5']);
    await store.close();
    expect(seqs((await open(dir)).store)).toEqual([3, 1]);
  });

  it('reads a carried copy over the original when a crash left both', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await store.append(draft(1));
    await store.append(draft(2));
    await store.close();
    const file = await lastSegment(dir);
    const [first] = (await readFile(file, 'utf8')).split('\n');
    const copy = JSON.parse(first!) as { exchange: { timing: { durationMs: number } }; pinned?: true };
    copy.exchange.timing.durationMs = 77;
    copy.pinned = true;
    await appendFile(file, `${JSON.stringify(copy)}\n`);
    const reopened = (await open(dir)).store;
    expect(seqs(reopened)).toEqual([2, 1]);
    expect(reopened.list({ limit: 5, query: 'is:pinned' }).items).toMatchObject([{ seq: 1, durationMs: 77 }]);
  });
});
