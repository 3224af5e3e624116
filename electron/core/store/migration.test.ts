import { appendFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange, ExchangeSummary } from '../../../shared/model/exchange';
import { makeTempDir, startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { deliver } from '../../../test-support/engine/http-client';
import { waitFor } from '../../../test-support/engine/wait-for';
import { HISTORY_FORMAT } from './history-format';
import { historyPaths } from './history';

/** A data folder written by release 0.1.0, and what that release answered for it. */
const FIXTURE = path.resolve('test-support/fixtures/history-v1');
const SECRET = 'Basic Zml4dHVyZTpzZWNyZXQ=';

interface Expected {
  list: { items: ExchangeSummary[]; total: number };
  exchanges: Exchange[];
}

const running: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.stop()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * What 0.1.0 listed, in this build's list order: by time received, then seq (0.1.0 listed by
 * seq, so its imported and replayed exchanges sat where they arrived).
 */
const inListOrder = <T extends { receivedAt: number; seq: number }>(items: T[]) =>
  [...items].sort((a, b) => b.receivedAt - a.receivedAt || b.seq - a.seq);

async function copyOfFixture(): Promise<string> {
  const dir = await makeTempDir('ohi-migrate-');
  dirs.push(dir);
  await cp(path.join(FIXTURE, 'data'), dir, { recursive: true });
  return dir;
}

async function start(dataDir: string): Promise<TestCore> {
  const t = await startTestCore({ dataDir, overrides: { secret: SECRET } });
  running.push(t);
  return t;
}

const moving = (t: TestCore) => t.core.status().storage.notices.some((n) => n.startsWith('Moving'));
const moved = (t: TestCore) => waitFor(() => (moving(t) ? undefined : true));

async function everything(t: TestCore) {
  const list = await t.call('exchanges.list', { limit: 5000 });
  const exchanges = await Promise.all(
    list.items.map((s) => t.call('exchanges.get', { id: s.id, revealSecrets: true })),
  );
  return { list, exchanges };
}

describe('a data folder written by 0.1.0', () => {
  it('is moved to the new history once, with everything it held, and the old log removed', async () => {
    const expected = JSON.parse(await readFile(path.join(FIXTURE, 'expected.json'), 'utf8')) as Expected;
    const dataDir = await copyOfFixture();
    const t = await start(dataDir);
    await moved(t);
    const { list, exchanges } = await everything(t);
    expect(list.total).toBe(expected.list.total);
    expect(list.items).toEqual(inListOrder(expected.list.items));
    expect(exchanges).toEqual(inListOrder(expected.exchanges));
    expect(await readdir(dataDir)).not.toContain('exchanges');
    expect(t.core.status().storage).toMatchObject({ count: expected.list.total, pinned: 3 });

    // Seqs go on from the old ones; redeliveries of old deliveries are still recognised.
    const repeat = expected.exchanges.find((e) => e.kind === 'delivery' && e.auth.result === 'ok')!;
    expect((await deliver(t.hookUrl, repeat.request.body.text!, [['Authorization', SECRET]])).status).toBe(
      204,
    );
    const [newest] = (await everything(t)).exchanges;
    expect(newest?.seq).toBeGreaterThan(Math.max(...expected.exchanges.map((e) => e.seq)));
    expect(newest?.sightings?.repeatOf).toBe(repeat.sightings?.repeatOf ?? repeat.id);
  });

  it('resumes an interrupted move without copying anything twice', async () => {
    const expected = JSON.parse(await readFile(path.join(FIXTURE, 'expected.json'), 'utf8')) as Expected;
    const dataDir = await copyOfFixture();
    let t = await start(dataDir);
    await moved(t);
    await t.stop();
    running.splice(0);
    // As if the process had stopped before it could remove the old log.
    await cp(path.join(FIXTURE, 'data', 'exchanges'), path.join(dataDir, 'exchanges'), { recursive: true });
    t = await start(dataDir);
    await moved(t);
    expect((await everything(t)).list.items).toEqual(inListOrder(expected.list.items));
    expect(await readdir(dataDir)).not.toContain('exchanges');
  });

  it('leaves out, and names, a record 0.1.0 imported without checking it; the rest moves', async () => {
    const expected = JSON.parse(await readFile(path.join(FIXTURE, 'expected.json'), 'utf8')) as Expected;
    const dataDir = await copyOfFixture();
    const crafted = {
      ...expected.exchanges[0],
      id: 'crafted',
      seq: 9_000,
      sightings: { repeatedEvents: 'x' },
    };
    const segments = (await readdir(path.join(dataDir, 'exchanges'))).sort();
    await appendFile(
      path.join(dataDir, 'exchanges', segments.at(-1)!),
      `${JSON.stringify({ r: 'exchange', exchange: crafted })}\n`,
    );
    const t = await start(dataDir);
    await moved(t);
    expect(t.core.status().storage.notices.join(' ')).toMatch(
      /Exchange crafted of the earlier history was left out: sightings/,
    );
    expect((await everything(t)).list.items).toEqual(inListOrder(expected.list.items));
  });

  it('is found searchable and filterable as soon as it has moved', async () => {
    const t = await start(await copyOfFixture());
    await moved(t);
    const search = async (query: string) => (await t.call('exchanges.list', { query, limit: 1 })).total;
    expect(await search('kind:verification')).toBe(1);
    expect(await search('origin:imported')).toBe(2);
    expect(await search('is:pinned')).toBe(3);
    expect(await search('filler')).toBeGreaterThan(50);
    expect(await search('type:group.*')).toBeGreaterThan(0);
  });
});

describe('a data folder written by a newer version', () => {
  it('is refused with a clear message and left exactly as it was', async () => {
    const dataDir = await makeTempDir('ohi-newer-');
    dirs.push(dataDir);
    const { root } = historyPaths(dataDir);
    await mkdir(root, { recursive: true });
    const marker = `${JSON.stringify({ format: HISTORY_FORMAT + 1, writtenBy: '9.9.9' })}\n`;
    await writeFile(path.join(root, 'format.json'), marker);
    await expect(start(dataDir)).rejects.toThrow(
      /written by a newer Okta Hook Inspector \(9\.9\.9, history format 3\); this version reads format 2/,
    );
    expect(await readdir(root)).toEqual(['format.json']);
    expect(await readFile(path.join(root, 'format.json'), 'utf8')).toBe(marker);
  });
});
