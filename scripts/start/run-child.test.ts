import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

interface RunChild {
  runChild: (
    command: string,
    args: string[],
    options: {
      cwd: string;
      label: string;
      platform?: NodeJS.Platform;
      parent?: EventEmitter;
      write?: (text: string) => void;
      spawn?: typeof spawn;
    },
  ) => Promise<number>;
}
const { runChild } = (await import(
  pathToFileURL(path.join(import.meta.dirname, 'run-child.mjs')).href
)) as RunChild;

const scratch = await mkdtemp(path.join(tmpdir(), 'ohi-start-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Real spawn, with the signals this script sends to the child recorded. */
function recordingSpawn() {
  const kills: (NodeJS.Signals | number | undefined)[] = [];
  const options: unknown[] = [];
  const spy = ((command: string, args: string[], spawnOptions: object) => {
    options.push(spawnOptions);
    const child = spawn(command, args, spawnOptions);
    const kill = child.kill.bind(child);
    child.kill = (signal) => {
      kills.push(signal);
      return kill(signal);
    };
    return child;
  }) as unknown as typeof spawn;
  return { spy, kills, options };
}

describe('npm start running the app', () => {
  it('passes Ctrl+C to the app once, however many times it arrives, and ends as the app did', async () => {
    const ready = path.join(scratch, 'ready');
    const app = `process.on('SIGINT', () => process.exit(0)); require('fs').writeFileSync(${JSON.stringify(ready)}, ''); setInterval(() => {}, 1e6);`;
    const parent = new EventEmitter();
    const { spy, kills, options } = recordingSpawn();
    const ended = runChild(process.execPath, ['-e', app], {
      cwd: scratch,
      label: 'Electron',
      parent,
      spawn: spy,
      platform: 'linux',
    });
    await vi.waitFor(() => expect(existsSync(ready)).toBe(true));
    // The terminal's SIGINT, npm's copy of it, then SIGTERM from an impatient shell.
    parent.emit('SIGINT', 'SIGINT');
    parent.emit('SIGINT', 'SIGINT');
    parent.emit('SIGTERM', 'SIGTERM');
    expect(await ended).toBe(0);
    expect(kills).toEqual(['SIGINT']);
    // Its own process group: the terminal's Ctrl+C reaches this script, not the app directly.
    expect(options[0]).toMatchObject({ detached: true, stdio: 'inherit' });
    expect(parent.listenerCount('SIGINT')).toBe(0);
  });

  it('reports an app killed by a signal as a failure, not as exit 0', async () => {
    const messages: string[] = [];
    const code = await runChild(process.execPath, ['-e', "process.kill(process.pid, 'SIGKILL')"], {
      cwd: scratch,
      label: 'Electron',
      write: (text) => messages.push(text),
    });
    expect(code).toBe(137);
    expect(messages).toEqual(['Electron was stopped by SIGKILL before it could shut down.\n']);
  });

  it('says so when the app cannot be started at all', async () => {
    const messages: string[] = [];
    const missing = path.join(scratch, 'no-such-electron');
    const code = await runChild(missing, [], {
      cwd: scratch,
      label: 'Electron',
      write: (text) => messages.push(text),
    });
    expect(code).toBe(1);
    expect(messages).toEqual([`Could not start Electron (${missing}): spawn ${missing} ENOENT\n`]);
  });

  it('on Windows leaves Ctrl+C to the console, which reaches the app itself', async () => {
    const parent = new EventEmitter();
    const { spy, kills, options } = recordingSpawn();
    const ended = runChild(process.execPath, ['-e', 'setTimeout(() => {}, 0)'], {
      cwd: scratch,
      label: 'Electron',
      parent,
      spawn: spy,
      platform: 'win32',
    });
    parent.emit('SIGINT', 'SIGINT');
    expect(await ended).toBe(0);
    expect(kills).toEqual([]);
    expect(options[0]).toMatchObject({ detached: false });
  });
});
