// Electron's first download, bounded: progress on one line, and a download that stops moving for
// STALL_MS is given up with a reason in words (a proxy that holds the connection open used to
// keep `npm start` silent for 3 minutes, then print "exit null").
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** No byte for this long and the download is given up. */
export const STALL_MS = 15_000;
const FETCH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'electron-fetch.mjs');

/**
 * @typedef {{ packageDir: string; write: (text: string) => void; tty?: boolean; stallMs?: number;
 *   fetchScript?: string }} DownloadOptions
 */

/** @param {DownloadOptions} options @returns {Promise<string | null>} null once Electron is in place, else why not */
export async function downloadElectron(options) {
  const { version } = JSON.parse(readFileSync(path.join(options.packageDir, 'package.json'), 'utf8'));
  options.write(`Downloading Electron ${version} (once; about 100 MB)…\n`);
  const fetched = await fetchZip(options);
  if (fetched !== null) return fetched;
  return unpack(options.packageDir);
}

/** @param {DownloadOptions} options @returns {Promise<string | null>} */
function fetchZip(options) {
  const stallMs = options.stallMs ?? STALL_MS;
  const child = spawn(process.execPath, [options.fetchScript ?? FETCH], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const show = progressLine(options.write, options.tty ?? process.stderr.isTTY === true);
  /** @type {string | null} */
  let reason = null;
  let done = false;
  let timer = setTimeout(() => stall(), stallMs);
  const stall = () => {
    reason = `no data arrived for ${Math.round(stallMs / 1000)} s (a proxy or firewall may be holding the connection)`;
    child.kill();
  };
  onMessages(child.stdout, (message) => {
    if (message.error) reason = String(message.error).split('\n')[0] ?? 'unknown error';
    else if (message.done) done = true;
    else {
      clearTimeout(timer);
      timer = setTimeout(() => stall(), stallMs);
      show(Number(message.transferred), message.total === null ? null : Number(message.total));
    }
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve) => {
    child.once('error', (error) => resolve(`the downloader could not start (${error.message})`));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      show.end();
      if (done && code === 0) return resolve(null);
      resolve(reason ?? firstLine(stderr) ?? `the downloader stopped (${signal ?? `code ${code}`})`);
    });
  });
}

/**
 * The downloader's JSON lines; anything else it prints is not ours to read.
 * @param {NodeJS.ReadableStream} stream @param {(message: Record<string, unknown>) => void} listener
 */
function onMessages(stream, listener) {
  let buffered = '';
  stream.on('data', (chunk) => {
    buffered += String(chunk);
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        listener(JSON.parse(line));
      } catch {
        // Not a progress line.
      }
    }
  });
}

/** electron/install.js finds the zip in @electron/get's cache and unpacks it. @param {string} packageDir */
function unpack(packageDir) {
  const child = spawn(process.execPath, [path.join(packageDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve) => {
    child.once('error', (error) => resolve(`unpacking could not start (${error.message})`));
    child.once('exit', (code) =>
      resolve(code === 0 ? null : `unpacking failed: ${firstLine(stderr) ?? `code ${code}`}`),
    );
  });
}

/** The first line of an error that is not a stack frame. @param {string} text */
const firstLine = (text) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '));

/**
 * Progress as one line rewritten in place on a terminal, or a line per 10 % elsewhere (CI logs).
 * @param {(text: string) => void} write
 * @param {boolean} tty
 */
function progressLine(write, tty) {
  let lastTenth = -1;
  let shown = false;
  const mb = (/** @type {number} */ bytes) => (bytes / 1024 / 1024).toFixed(1);
  /** @param {number} transferred @param {number | null} total */
  const show = (transferred, total) => {
    const tenth = total ? Math.floor((transferred / total) * 10) : Math.floor(transferred / 10_485_760);
    if (!tty && tenth === lastTenth) return;
    lastTenth = tenth;
    shown = true;
    const text = total
      ? `  ${mb(transferred)} of ${mb(total)} MB (${Math.floor((transferred / total) * 100)} %)`
      : `  ${mb(transferred)} MB`;
    write(tty ? `\r${text}` : `${text}\n`);
  };
  return Object.assign(show, { end: () => tty && shown && write('\n') });
}
