import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ENV = 'OHI_INDEX_WORKER';

/**
 * Bundle the history index worker the way `scripts/build.mjs` does, into `outDir`, with SQLite
 * required by absolute path so the bundle runs from anywhere. Vitest's global setup builds it
 * once per run; the test fixtures start engines with it.
 */
export async function buildIndexWorker(outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const outfile = path.join(outDir, 'index-worker.cjs');
  const sqlite = require.resolve('libsql');
  await build({
    entryPoints: [path.join(HERE, '../../electron/core/store/index/index-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'sqlite-by-path',
        setup(builder) {
          builder.onResolve({ filter: /^libsql$/ }, () => ({ path: sqlite, external: true }));
        },
      },
    ],
  });
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
