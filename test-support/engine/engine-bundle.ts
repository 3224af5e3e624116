import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/**
 * Bundle one of the engine's separate scripts (the ngrok agent, the history index worker) the way
 * `scripts/build.mjs` does, into `outfile`, with its native package required by absolute path so
 * the bundle runs from a temporary folder.
 */
export async function bundleEngineScript(
  entry: string,
  outfile: string,
  nativePackage: string,
): Promise<string> {
  const native = require.resolve(nativePackage);
  const exact = new RegExp(`^${nativePackage.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'native-by-path',
        setup(builder) {
          builder.onResolve({ filter: exact }, () => ({ path: native, external: true }));
        },
      },
    ],
  });
  return outfile;
}
