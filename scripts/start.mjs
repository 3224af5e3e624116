// `npm start`: build, then open the desktop app. Where the Electron runtime cannot be had (no
// binary and no way to download it, or no display), say so in one line and run headless mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet'], {
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

/** @returns {{ path: string } | { reason: string }} */
function electronBinary() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display is available' };
  }
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const binaryIn = (/** @type {string} */ dir) =>
    path.join(dir, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    return { path: binaryIn(process.env.ELECTRON_OVERRIDE_DIST_PATH) };
  if (existsSync(pathFile) && existsSync(binaryIn(path.join(packageDir, 'dist')))) {
    return { path: binaryIn(path.join(packageDir, 'dist')) };
  }
  const download = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (download.status === 0 && existsSync(pathFile)) return { path: binaryIn(path.join(packageDir, 'dist')) };
  const firstError = `${download.stderr ?? ''}${download.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '));
  return { reason: `its download failed (${firstError ?? `exit ${download.status}`})` };
}

/**
 * @param {string} command
 * @param {string[]} commandArgs
 */
function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
    process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = electronBinary();
if ('path' in electron) {
  run(electron.path, [root, ...args]);
} else {
  console.log(
    `Electron cannot start here: ${electron.reason}. Starting headless mode instead; open the Inspector link below.`,
  );
  run(process.execPath, [path.join(root, 'dist-electron/headless.mjs'), ...args]);
}
