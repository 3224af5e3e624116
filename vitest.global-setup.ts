import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIndexWorker } from './test-support/engine/index-worker-build';

/**
 * Built once per run, before any test file: engines under test start their index thread from
 * it. A folder of this run's own: node_modules may be shared by several checkouts (worktrees
 * linking one node_modules), whose runs would otherwise overwrite and delete each other's worker.
 */
let out: string | undefined;

export async function setup(): Promise<void> {
  out = await mkdtemp(path.join(tmpdir(), 'ohi-tests-'));
  await buildIndexWorker(out);
}

export async function teardown(): Promise<void> {
  if (out !== undefined) await rm(out, { recursive: true, force: true });
}
