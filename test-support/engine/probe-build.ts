import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Bundle `transport-probe.ts` into `outDir` as one script a child `node` runs. */
export async function buildTransportProbe(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'transport-probe.cjs');
  await build({
    entryPoints: [path.join(HERE, 'transport-probe.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}
