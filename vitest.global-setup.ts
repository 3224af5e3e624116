import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIndexWorker } from './test-support/engine/index-worker-build';

/**
 * Built once per run, before any test file: engines under test start their index thread from it.
 * Each run has its own folder, so one run's teardown cannot remove the worker from under another
 * (two runs at once, or worktrees sharing one node_modules).
 */
let out: string | undefined;

export async function setup(): Promise<void> {
  out = await mkdtemp(path.join(tmpdir(), 'ohi-index-worker-'));
  await buildIndexWorker(out);
}

export async function teardown(): Promise<void> {
  if (out !== undefined) await rm(out, { recursive: true, force: true });
}
