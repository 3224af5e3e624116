// Where `npm start` gets Electron: an override, the installed binary, or a download bounded in
// time, with progress shown, whose failure is remembered so that a start is never slow twice.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { downloadElectron } from './electron-download.mjs';

/** A failed download is not tried again by `npm start` for this long. */
export const RETRY_AFTER_MS = 60 * 60 * 1000;

/** The executable inside an Electron folder, as electron/install.js names it. */
const EXECUTABLE = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/**
 * @typedef {{ path: string } | { reason: string }} Runtime
 * @typedef {{
 *   packageDir: string; stateFile: string; env: NodeJS.ProcessEnv; platform: NodeJS.Platform;
 *   nodeVersion: string; now: () => number; write: (text: string) => void;
 *   download?: typeof downloadElectron;
 * }} RuntimeOptions
 */

/** @param {RuntimeOptions} options @returns {Promise<Runtime>} */
export async function findElectron(options) {
  const { env, platform, packageDir } = options;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return { reason: 'no display is available' };
  const pathFile = path.join(packageDir, 'path.txt');
  const name = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8')
    : (EXECUTABLE[/** @type {'darwin' | 'win32'} */ (platform)] ?? 'electron');
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, name);
    return existsSync(binary)
      ? { path: binary }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH holds no Electron (${binary} does not exist)` };
  }
  const installed = path.join(packageDir, 'dist', name);
  if (existsSync(pathFile) && existsSync(installed)) return { path: installed };
  const refused = (await rememberedFailure(options)) ?? tooOldNode(options);
  if (refused) return { reason: refused };
  const failure = await (options.download ?? downloadElectron)({ packageDir, write: options.write });
  if (failure === null && existsSync(path.join(packageDir, 'path.txt'))) {
    return { path: path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8')) };
  }
  const reason = failure ?? 'it was downloaded but not unpacked';
  await remember(options, reason);
  return { reason: `its download failed: ${reason}` };
}

/** @param {RuntimeOptions} options */
const version = (options) =>
  /** @type {{ version: string; engines: { node: string } }} */ (
    JSON.parse(readFileSync(path.join(options.packageDir, 'package.json'), 'utf8'))
  );

/** @param {string} text e.g. "22.12.0" → [22, 12, 0] */
const parts = (text) => text.split('.').map(Number);

/** Electron's installer needs a newer Node than the rest (its `engines`, e.g. ">= 22.12.0"). */
function tooOldNode(/** @type {RuntimeOptions} */ options) {
  const floor = version(options).engines.node.replace(/^[^\d]*/, '');
  const [want, have] = [parts(floor), parts(options.nodeVersion)];
  const difference = want.map((part, i) => (have[i] ?? 0) - part).find((d) => d !== 0) ?? 0;
  return difference < 0
    ? `downloading it needs Node.js ${floor} or newer, and this is ${options.nodeVersion}`
    : null;
}

/** @param {RuntimeOptions} options */
async function rememberedFailure(options) {
  try {
    const state = JSON.parse(await readFile(options.stateFile, 'utf8'));
    if (state.version !== version(options).version || options.now() - state.failedAt >= RETRY_AFTER_MS)
      return null;
    const minutes = Math.max(1, Math.round((options.now() - state.failedAt) / 60_000));
    return `its download failed ${minutes} min ago (${state.reason}); \`npx install-electron\` tries again now`;
  } catch {
    return null;
  }
}

/** @param {RuntimeOptions} options @param {string} reason */
async function remember(options, reason) {
  await mkdir(path.dirname(options.stateFile), { recursive: true });
  const state = { version: version(options).version, failedAt: options.now(), reason };
  await writeFile(options.stateFile, JSON.stringify(state));
}
