import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../../shared/model/job';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { draft, openStore } from '../../../test-support/engine/store-fixture';
import { runImport } from './import-job';
import { Job } from './jobs';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

const HEADER = JSON.stringify({ format: 'okta-hook-inspector/exchanges', version: 1 });

describe('an import the disk fills during', () => {
  it('leaves nothing it added behind, also what one write of a batch stored before the next failed', async () => {
    const dir = await makeTempDir('ohi-import-failure-');
    dirs.push(dir);
    const disk = { full: false, writes: 0 };
    const t = await openStore(dir, {
      // The first write of the import goes in; every one after it finds the disk full.
      writeFault: (operation) => {
        if (operation !== 'write' || !disk.full) return undefined;
        disk.writes += 1;
        return disk.writes === 1
          ? undefined
          : { partial: 0, error: Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }) };
      },
    });
    const lines = [1, 2, 3].map((n) => JSON.stringify({ ...draft(n), seq: n }));
    const file = path.join(dir, 'mine.ndjson');
    await writeFile(file, [HEADER, ...lines].join('\n') + '\n');
    const views: JobView[] = [];
    const job = new Job(
      { id: 'j', kind: 'import', title: 'Import', state: 'running', done: 0, total: 0, message: null },
      (view) => views.push(view),
      () => 0,
    );
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
