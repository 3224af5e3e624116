import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../../shared/model/job';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { draft, openStore } from '../../../test-support/engine/store-fixture';
import { waitFor } from '../../../test-support/engine/wait-for';
import type { ExchangeStore, NewExchange } from '../store/exchange-store';
import { historyPaths } from '../store/history';
import { runImport } from './import-job';
import { Job, Jobs } from './jobs';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

const HEADER = JSON.stringify({ format: 'okta-hook-inspector/exchanges', version: 1 });

/** An export of these numbered exchanges (draft `n`, id `id-n`), in `dir`. */
async function exportFile(dir: string, numbers: number[]): Promise<string> {
  const lines = numbers.map((n) => JSON.stringify({ ...draft(n), seq: n }));
  const file = path.join(dir, 'mine.ndjson');
  await writeFile(file, [HEADER, ...lines].join('\n') + '\n');
  return file;
}

/**
 * A store in a new folder whose disk, once `disk.full` is set, takes the next write and finds
 * itself full (ENOSPC) for every one after it.
 */
async function storeFillingUp(prefix: string, message: string) {
  const dir = await makeTempDir(prefix);
  dirs.push(dir);
  const disk = { full: false, writes: 0 };
  const t = await openStore(dir, {
    writeFault: (operation) => {
      if (operation !== 'write' || !disk.full) return undefined;
      disk.writes += 1;
      return disk.writes === 1
        ? undefined
        : { partial: 0, error: Object.assign(new Error(message), { code: 'ENOSPC' }) };
    },
  });
  return { dir, disk, t };
}

/** A running import job, with every state it was in. */
function importJob() {
  const views: JobView[] = [];
  const job = new Job(
    { id: 'j', kind: 'import', title: 'Import', state: 'running', done: 0, total: 0, message: null },
    (view) => views.push(view),
    () => 0,
  );
  return { job, views };
}

describe('an import the disk fills during', () => {
  it('leaves nothing it added behind, also what one write of a batch stored before the next failed', async () => {
    const { dir, disk, t } = await storeFillingUp('ohi-import-failure-', 'ENOSPC');
    const file = await exportFile(dir, [1, 2, 3]);
    const { job } = importJob();
    disk.full = true;
    await runImport(
      { store: t.store, newId: () => 'new-id', now: () => 0 },
      { path: file, name: 'mine.ndjson', temporary: false },
      job,
    ).catch(() => undefined);
    disk.full = false;
    try {
      expect((await t.store.list({ limit: 10 })).total).toBe(0);
    } finally {
      await t.store.close();
    }
  });
});

/** More deliveries than a read waits for the index to take (index-feed.ts READS_WAIT_FOR). */
const FLOOD = 3000;

describe('an import cancelled while a flood has the index behind the log', () => {
  it('removes every exchange it stored, also those the index had not taken yet', async () => {
    const dir = await makeTempDir('ohi-import-cancel-');
    dirs.push(dir);
    const t = await openStore(dir);
    const { job, views } = importJob();
    const file = await exportFile(dir, [1, 2, 3]);
    // A flood arrives just as the import stores its last batch, and the index falls behind:
    // another connection holds its write lock until every delivery is in the log, as a busy disk
    // would. The user cancels; the batch is stored behind the flood, which the index then reads
    // back a part at a time.
    let flooded: Promise<void> | undefined;
    const flood = async () => {
      const lock = new Database(historyPaths(dir).index);
      lock.exec('BEGIN IMMEDIATE');
      try {
        const live = Array.from({ length: FLOOD }, (_, i) => t.store.append(draft(1000 + i)));
        await Promise.all(live);
        // Once the index has answered every batch it was handed (each refused).
        await t.store.receivedAtOf([]).catch(() => undefined);
      } finally {
        lock.exec('ROLLBACK');
        lock.close();
      }
      expect(t.store.stats().unindexed).toBe(FLOOD);
      job.cancel();
    };
    const store = Object.create(t.store, {
      append: {
        value: async (exchange: NewExchange) => {
          await (flooded ??= flood());
          return t.store.append(exchange);
        },
      },
    }) as ExchangeStore;
    try {
      await runImport(
        { store, newId: () => 'new-id', now: () => 0 },
        { path: file, name: 'mine.ndjson', temporary: false },
        job,
      );
      // Once the index has every record: the import left nothing behind.
      await t.store.receivedAtOf([]);
      expect((await t.store.list({ limit: 10, query: 'origin:imported' })).total).toBe(0);
      expect(views.at(-1)?.state).toBe('cancelled');
    } finally {
      await t.store.close();
    }
  });
});

/** Another connection holds the index's write lock, as a busy or failing disk would: nothing can be removed. */
function lockIndex(dir: string): { release(): void } {
  const lock = new Database(historyPaths(dir).index);
  lock.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}

/** Import `file` as the engine does (a job), calling `during` before each write; the view it ended with. */
async function importAsJob(store: ExchangeStore, file: string, during: (job: Job) => void) {
  const views: JobView[] = [];
  const jobs = new Jobs(
    (view) => views.push(view),
    () => 'j',
    () => 0,
  );
  jobs.start('import', 'Import mine.ndjson', 0, (job) => {
    const writing = Object.create(store, {
      append: {
        value: (exchange: NewExchange) => {
          during(job);
          return store.append(exchange);
        },
      },
    }) as ExchangeStore;
    return runImport(
      { store: writing, newId: () => 'new-id', now: () => 0 },
      { path: file, name: 'mine.ndjson', temporary: false },
      job,
    );
  });
  return waitFor(() => views.find((view) => view.state !== 'running'));
}

describe('an import whose exchanges cannot be removed when it stops', () => {
  it('fails saying why it stopped and that what it added stays in history', async () => {
    const { dir, disk, t } = await storeFillingUp('ohi-import-cleanup-', 'ENOSPC: simulated');
    const file = await exportFile(dir, [1, 2, 3]);
    const index = lockIndex(dir);
    try {
      disk.full = true;
      const ended = await importAsJob(t.store, file, () => undefined);
      disk.full = false;
      expect(ended.state).toBe('failed');
      expect(ended.message).toMatch(/^Import mine\.ndjson failed: ENOSPC: simulated/);
      expect(ended.message).toMatch(
        /the 1 exchange it had added could not be removed \(.+\), so it stays in history marked as imported from mine\.ndjson\.$/,
      );
      expect(ended.message).not.toMatch(/nothing was added/);
    } finally {
      index.release();
    }
    try {
      await t.store.receivedAtOf([]);
      expect((await t.store.list({ limit: 10, query: 'origin:imported' })).total).toBe(1);
    } finally {
      await t.store.close();
    }
  });

  it('is cancelled saying that what it added stays in history, never that nothing was added', async () => {
    const dir = await makeTempDir('ohi-import-cleanup-');
    dirs.push(dir);
    const t = await openStore(dir);
    const file = await exportFile(dir, [1, 2, 3]);
    const index = lockIndex(dir);
    try {
      const ended = await importAsJob(t.store, file, (job) => job.cancel());
      expect(ended.state).toBe('cancelled');
      expect(ended.message).toMatch(
        /^Import cancelled, but the 3 exchanges it had added could not be removed \(.+\), so they stay in history marked as imported from mine\.ndjson\.$/,
      );
    } finally {
      index.release();
    }
    try {
      await t.store.receivedAtOf([]);
      expect((await t.store.list({ limit: 10, query: 'origin:imported' })).total).toBe(3);
    } finally {
      await t.store.close();
    }
  });
});
