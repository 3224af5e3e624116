// `npm start`: build, then open the desktop app. Where the Electron runtime cannot be had (no
// display, no binary and no way to download it), say why in one line and run headless mode.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './start/electron-runtime.mjs';
import { runChild } from './start/run-child.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet'], {
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const electron = await findElectron({
  packageDir: path.dirname(createRequire(import.meta.url).resolve('electron/package.json')),
  stateFile: path.join(root, 'node_modules/.cache/okta-hook-inspector/electron-download.json'),
  env: process.env,
  platform: process.platform,
  nodeVersion: process.versions.node,
  now: Date.now,
  write: (text) => process.stderr.write(text),
});
if ('path' in electron) {
  process.exit(await runChild(electron.path, [root, ...args], { cwd: root, label: 'Electron' }));
}
console.log(
  `Electron cannot start here: ${electron.reason}. Starting headless mode instead; open the Inspector link below.`,
);
const headless = path.join(root, 'dist-electron/headless.mjs');
process.exit(await runChild(process.execPath, [headless, ...args], { cwd: root, label: 'Headless mode' }));
