import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExchangeSummary } from '../../../shared/model/exchange';
import { silentLogger, type Logger } from '../deps';
import { makeTempDir } from '../testing/core-fixture';
import { ExchangeStore, type NewExchange } from './exchange-store';

const draft = (n: number): NewExchange => ({
  id: `id-${n}`,
  kind: 'delivery',
  origin: 'live',
  receivedAt: 1_700_000_000_000 + n,
  request: {
    method: 'POST',
    path: '/okta/event-hook',
    query: '',
    httpVersion: '1.1',
    headers: [['X-N', String(n)]],
    body: { text: `{"n":${n}}`, size: 7, truncated: false },
    remoteAddress: '127.0.0.1',
  },
  response: { status: 204, headers: [], body: { text: '', size: 0, truncated: false } },
  timing: { bodyMs: 0.1, durationMs: 0.1 },
  auth: { result: 'ok', header: 'Authorization' },
  okta: { events: [] },
  problems: [],
});

const dirs: string[] = [];
const stores: ExchangeStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close().catch(() => undefined)));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function open(dir: string, logger: Logger = silentLogger) {
  const appended: ExchangeSummary[] = [];
  const store = await ExchangeStore.open({
    dir,
    logger,
    listeners: { appended: (s) => appended.push(s), updated: () => undefined, restored: () => undefined },
  });
  stores.push(store);
  return { store, appended };
}

async function tempDir() {
  const dir = await makeTempDir('ohi-store-');
  dirs.push(dir);
  return dir;
}

const segmentFile = async (dir: string) => {
  const [name] = await readdir(path.join(dir, 'exchanges'));
  return path.join(dir, 'exchanges', name as string);
};

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
    const full = await reopened.get(stored[1]!.id);
    expect(full?.request.headers).toEqual([['X-N', '2']]);
    expect(full?.timing).toEqual({ bodyMs: 0.1, storedMs: 0.5, durationMs: 2.5 });
    expect((await reopened.append(draft(4))).seq).toBe(4);
  });

  it('pages newest first with a cursor', async () => {
    const { store } = await open(await tempDir());
    for (let n = 1; n <= 5; n += 1) await store.append(draft(n));
    const first = store.list({ limit: 2 });
    expect(first.items.map((s) => s.seq)).toEqual([5, 4]);
    expect(first.total).toBe(5);
    const second = store.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((s) => s.seq)).toEqual([3, 2]);
    const last = store.list({ limit: 2, cursor: second.nextCursor! });
    expect(last.items.map((s) => s.seq)).toEqual([1]);
    expect(last.nextCursor).toBeNull();
  });

  it('drops a torn tail left by a crash mid-write and keeps everything before it', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await store.append(draft(1));
    await store.append(draft(2));
    await store.close();
    const file = await segmentFile(dir);
    const whole = (await stat(file)).size;
    await appendFile(file, '{"r":"exchange","exchange":{"id":"torn","se');
    const notices: string[] = [];
    const logger = {
      ...silentLogger,
      warn: (_m: string, f?: Record<string, unknown>) => notices.push(String(f?.message)),
    };
    const reopened = (await open(dir, logger)).store;
    expect(reopened.list({ limit: 10 }).items.map((s) => s.seq)).toEqual([2, 1]);
    expect(notices.join(' ')).toMatch(/incomplete record/);
    expect((await stat(file)).size).toBe(whole);
    expect((await reopened.append(draft(3))).seq).toBe(3);
  });

  it('drops a corrupt last record and skips a corrupt one in the middle, with a notice', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    for (let n = 1; n <= 3; n += 1) await store.append(draft(n));
    await store.close();
    const file = await segmentFile(dir);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = 'garbage that is not json';
    lines[2] = '{"r":"exchange" ...broken';
    await writeFile(file, lines.join('\n'));
    const notices: string[] = [];
    const logger = {
      ...silentLogger,
      warn: (_m: string, f?: Record<string, unknown>) => notices.push(String(f?.message)),
    };
    const reopened = (await open(dir, logger)).store;
    expect(reopened.list({ limit: 10 }).items.map((s) => s.seq)).toEqual([1]);
    expect(notices).toHaveLength(2);
  });

  it('clears everything and keeps seq moving forward, also after a restart', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await store.append(draft(1));
    await store.append(draft(2));
    expect(await store.clear()).toBe(2);
    expect(store.list({ limit: 10 }).items).toEqual([]);
    await store.close();
    const reopened = (await open(dir)).store;
    expect(reopened.list({ limit: 10 }).total).toBe(0);
    expect((await reopened.append(draft(3))).seq).toBe(3);
  });
});
