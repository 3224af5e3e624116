import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Bundle the ngrok agent the way `scripts/build.mjs` does, into `outDir`, with the SDK required
 * by absolute path so the bundle runs from a temp folder.
 */
export async function buildNgrokAgent(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'ngrok-agent.cjs');
  const sdk = require.resolve('@ngrok/ngrok');
  await build({
    entryPoints: [path.join(HERE, '../../electron/core/tunnel/ngrok-agent.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'ngrok-sdk-by-path',
        setup(builder) {
          builder.onResolve({ filter: /^@ngrok\/ngrok$/ }, () => ({ path: sdk, external: true }));
        },
      },
    ],
  });
  return outfile;
}
