// How `npm start` runs the app (Electron or headless mode) as a child: it stops the way the user
// asked, exactly once, and its end is reported as what it was.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const FORWARDED = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * Run `command` and resolve with the exit code `npm start` should end with.
 *
 * Ctrl+C in a terminal signals the whole foreground process group, and npm passes the signal on
 * to this script as well; Electron handles the first SIGINT by quitting gracefully (will-quit:
 * tunnel closed, log flushed, lock released) but dies on the second. So on POSIX the child gets
 * a process group of its own (`detached`), where the terminal's signal does not reach it, and
 * this script forwards one signal, once. On Windows the console's Ctrl+C reaches every process
 * attached to it and there are no signals to forward.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string; label: string; platform?: NodeJS.Platform; parent?: NodeJS.EventEmitter;
 *   write?: (text: string) => void; spawn?: typeof spawn }} options
 * @returns {Promise<number>}
 */
export function runChild(command, args, options) {
  const { platform = process.platform, parent = process } = options;
  const write = options.write ?? ((text) => process.stderr.write(text));
  const posix = platform !== 'win32';
  return new Promise((resolve) => {
    const child = (options.spawn ?? spawn)(command, args, {
      stdio: 'inherit',
      cwd: options.cwd,
      detached: posix,
    });
    let forwarded = false;
    /** @param {NodeJS.Signals} signal */
    const forward = (signal) => {
      if (!posix || forwarded || child.exitCode !== null) return;
      forwarded = true;
      child.kill(signal);
    };
    for (const signal of FORWARDED) parent.on(signal, forward);
    let finished = false;
    // After a failed spawn, 'exit' may follow 'error' or not: the first one decides.
    const done = (/** @type {number} */ code) => {
      if (finished) return;
      finished = true;
      for (const signal of FORWARDED) parent.off(signal, forward);
      resolve(code);
    };
    child.once('error', (error) => {
      if (finished) return;
      write(`Could not start ${options.label} (${command}): ${error.message}\n`);
      done(1);
    });
    child.once('exit', (code, signal) => {
      if (finished) return;
      if (signal === null) return done(code ?? 1);
      write(`${options.label} was stopped by ${signal} before it could shut down.\n`);
      done(128 + (constants.signals[signal] ?? 0));
    });
  });
}
