import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildIndexWorker } from './test-support/engine/index-worker-build';

/** Built once per run, before any test file: engines under test start their index thread from it. */
const OUT = path.resolve('node_modules/.cache/okta-hook-inspector-tests');

export async function setup(): Promise<void> {
  await buildIndexWorker(OUT);
}

export async function teardown(): Promise<void> {
  await rm(OUT, { recursive: true, force: true });
}
