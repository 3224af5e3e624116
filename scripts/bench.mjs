// `npm run bench [-- <name>…] [--smoke]`: builds the app (as `npm start` does) and the
// benchmarks, then runs them. See bench/README.md for what they measure and the last results.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** @param {string[]} args */
const node = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const built = node(['scripts/build.mjs', '--quiet']);
if (built !== 0) process.exit(built);
await build({
  absWorkingDir: root,
  entryPoints: ['bench/run.ts', 'bench/bare-server.ts', 'bench/mockttp-server.ts'],
  outdir: 'bench/.build',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  // autocannon, mockttp and Playwright are loaded from node_modules, as they are installed.
  packages: 'external',
  logLevel: 'warning',
});
process.exit(node(['bench/.build/run.mjs', ...process.argv.slice(2)]));
