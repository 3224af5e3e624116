import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILD_DIR, HEADLESS } from './paths';

export interface Server {
  receiverUrl: string;
  /** Resident memory of the process now, in MB (Linux /proc). */
  rssMb(): Promise<number>;
  /** The most resident memory the process has had so far, in MB. */
  peakRssMb(): Promise<number>;
  stop(): Promise<void>;
}

export interface Engine extends Server {
  /** The browser UI's URL with its `#token=` fragment. */
  inspectorUrl: string;
  /** The API origin and bearer token, for calls the benchmarks make themselves. */
  apiOrigin: string;
  token: string;
  dataDir: string;
  /** From spawning the process until it printed its URLs (opening the store included). */
  startMs: number;
}

/** An old-format folder is moved in the background, so start should be quick; this is a backstop. */
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;

/** Resolve with the rest of each line starting with one of `prefixes`, once all were printed. */
function waitForLines(child: ChildProcess, prefixes: string[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    // Only a tail is kept, for the error message; both pipes are always drained so that a
    // chatty process never blocks on a full pipe.
    let tail = '';
    let stdout = '';
    const found = new Map<string, string>();
    const timer = setTimeout(
      () => reject(new Error(`no ${prefixes.join(', ')} line in time:\n${tail}`)),
      START_TIMEOUT_MS,
    );
    const keep = (text: string) => (tail = (tail + text).slice(-4000));
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk.toString());
      if (found.size === prefixes.length) return;
      stdout += chunk.toString();
      for (const line of stdout.split('\n')) {
        const prefix = prefixes.find((p) => line.startsWith(p));
        if (prefix) found.set(prefix, line.slice(prefix.length).trim());
      }
      if (found.size === prefixes.length) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => keep(chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`process exited (${signal ?? code}) before it was ready:\n${tail}`));
    });
  });
}

const procStatus = async (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
};

function control(child: ChildProcess, receiverUrl: string, cleanup: () => Promise<void>): Server {
  const pid = child.pid ?? 0;
  return {
    receiverUrl,
    rssMb: () => procStatus(pid, 'VmRSS'),
    peakRssMb: () => procStatus(pid, 'VmHWM'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(killer);
      }
      await cleanup();
    },
  };
}

/** The servers the engine is compared with, each built by scripts/bench.mjs into bench/.build. */
export type Peer = 'bare-server' | 'mockttp-server';

/** A peer (bench/bare-server.ts, bench/mockttp-server.ts) in its own process, like the engine. */
export async function startPeer(peer: Peer): Promise<Server> {
  const child = spawn(process.execPath, [path.join(BUILD_DIR, `${peer}.mjs`)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = await waitForLines(child, ['Receiver: ']);
  return control(child, lines.get('Receiver: ') ?? '', () => Promise.resolve());
}

/**
 * The real engine: headless mode as built by scripts/build.mjs, on free ports, on a fresh
 * data folder (removed when it stops) or on `dataDir` (kept: the caller owns it).
 */
export async function startEngine(options: { secret: string; dataDir?: string }): Promise<Engine> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'ohi-bench-')));
  const startedAt = performance.now();
  const child = spawn(
    process.execPath,
    [HEADLESS, '--port', '0', '--ui-port', '0', '--secret', options.secret, '--data-dir', dataDir],
    // A developer's own ngrok token must not open a real tunnel during a benchmark.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NGROK_AUTHTOKEN: '' } },
  );
  const lines = await waitForLines(child, ['Receiver: ', 'Inspector: ']);
  const startMs = performance.now() - startedAt;
  const inspectorUrl = new URL(lines.get('Inspector: ') ?? '');
  const owned = options.dataDir === undefined;
  const server = control(child, lines.get('Receiver: ') ?? '', async () => {
    if (owned) await rm(dataDir, { recursive: true, force: true });
  });
  return {
    ...server,
    inspectorUrl: inspectorUrl.href,
    apiOrigin: inspectorUrl.origin,
    token: new URLSearchParams(inspectorUrl.hash.slice(1)).get('token') ?? '',
    dataDir,
    startMs,
  };
}
