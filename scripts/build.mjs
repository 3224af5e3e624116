// Builds everything the app runs: the renderer (Vite) and the Node/Electron bundles (esbuild).
// `npm start`, `npm run headless` and the e2e tests call it, so a fresh clone needs no extra step.
import { build as esbuild } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { build as viteBuild } from 'vite';

const quiet = process.argv.includes('--quiet');
const { version } = /** @type {{ version: string }} */ (
  JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
);

/** @type {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Native modules (ngrok, SQLite) are loaded from node_modules (asarUnpack in packaged builds).
  external: ['electron', '@ngrok/ngrok', 'libsql'],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: quiet ? 'warning' : 'info',
};

await Promise.all([
  viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' }),
  esbuild({
    ...node,
    entryPoints: ['electron/headless/cli.ts'],
    outfile: 'dist-electron/headless.mjs',
    format: 'esm',
    // Bundled CommonJS dependencies may call require(); give ESM output one.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  }),
  esbuild({
    ...node,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist-electron/main.cjs',
    format: 'cjs',
  }),
  // The ngrok agent runs in a process of its own (see electron/core/tunnel/ngrok-process.ts).
  esbuild({
    ...node,
    entryPoints: ['electron/core/tunnel/ngrok-agent.ts'],
    outfile: 'dist-electron/ngrok-agent.cjs',
    format: 'cjs',
  }),
  // The history index runs on a worker thread of its own (see electron/core/store/index-client.ts).
  esbuild({
    ...node,
    entryPoints: ['electron/core/store/index/index-worker.ts'],
    outfile: 'dist-electron/index-worker.cjs',
    format: 'cjs',
  }),
  // The sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  esbuild({
    ...node,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist-electron/preload.cjs',
    format: 'cjs',
    sourcemap: false,
  }),
]);
