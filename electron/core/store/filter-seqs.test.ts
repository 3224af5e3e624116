import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { draft, openStore, type OpenedStore } from '../../../test-support/engine/store-fixture';
import { FilterSeqs } from './index/filter-seqs';
import { openIndexDb } from './index/index-db';

const dirs: string[] = [];
const opened: OpenedStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ store }) => store.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function storeWith(count: number) {
  const dir = await makeTempDir('ohi-filter-seqs-');
  dirs.push(dir);
  const store = await openStore(dir);
  opened.push(store);
  for (let n = 1; n <= count; n += 1) await store.store.append(draft(n));
  return store.store;
}

const listed = async (store: OpenedStore['store'], query: string) => {
  const page = await store.list({ limit: 100, query });
  return { seqs: page.items.map((item) => item.seq), total: page.total };
};

describe('filter: over the seqs the engine keeps per saved filter', () => {
  it('lists, counts, matches and negates by the kept seqs; a name with none lists nothing', async () => {
    const store = await storeWith(6);
    const sink = store.filterSeqs();
    await sink.put('sales', [2, 4], true);
    await sink.put('sales', [5, 4], false);
    await sink.put('other', [1], true);
    expect(await listed(store, 'filter:sales')).toEqual({ seqs: [5, 4, 2], total: 3 });
    expect(await listed(store, 'filter:Sales,other')).toEqual({ seqs: [5, 4, 2, 1], total: 4 });
    expect(await listed(store, '-filter:sales')).toEqual({ seqs: [6, 3, 1], total: 3 });
    expect(await listed(store, 'filter:unknown')).toEqual({ seqs: [], total: 0 });
    expect(await store.match('filter:sales', ['id-1', 'id-2', 'id-5'])).toEqual(['id-2', 'id-5']);
    expect((await store.timeline('filter:sales', 10)).total).toBe(3);
    expect(await store.select({ query: 'filter:sales status:2xx' })).toEqual([2, 4, 5]);
  });

  it('replaces and drops a set', async () => {
    const store = await storeWith(3);
    const sink = store.filterSeqs();
    await sink.put('sales', [1, 2], true);
    await sink.put('sales', [3], true);
    expect((await listed(store, 'filter:sales')).seqs).toEqual([3]);
    await sink.drop('sales');
    expect((await listed(store, 'filter:sales')).seqs).toEqual([]);
  });

  it('carries its rows over to a new connection (an index reopened writable)', () => {
    let db = openIndexDb(':memory:');
    const seqs = new FilterSeqs(() => db);
    seqs.put('sales', [7, 9], true);
    const rows = seqs.rows();
    db.close();
    db = openIndexDb(':memory:');
    seqs.restore(rows);
    expect(db.prepare('SELECT name, seq FROM temp.filter_seqs ORDER BY seq').raw().all()).toEqual([
      ['sales', 7],
      ['sales', 9],
    ]);
    db.close();
  });
});
