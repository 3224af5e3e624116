import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { bundleEngineScript } from './engine-bundle';

const ENV = 'OHI_INDEX_WORKER';

/**
 * The history index worker as `scripts/build.mjs` bundles it, into `outDir`. Vitest's global
 * setup builds it once per run; the test fixtures start engines with it.
 */
export async function buildIndexWorker(outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const outfile = await bundleEngineScript(
    'electron/core/store/index/index-worker.ts',
    path.join(outDir, 'index-worker.cjs'),
    'libsql',
  );
  process.env[ENV] = outfile;
  return outfile;
}

/** The worker built for this test run. */
export function indexWorkerScript(): string {
  const script = process.env[ENV];
  if (script === undefined)
    throw new Error(`${ENV} is not set: vitest's global setup builds the index worker.`);
  return script;
}
