import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HEADLESS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist-electron/headless.mjs');

export interface HeadlessInstance {
  /** Receiver hook URL, e.g. http://127.0.0.1:41234/okta/event-hook */
  receiverUrl: string;
  /** The browser UI URL including its #token= fragment. */
  inspectorUrl: string;
  dataDir: string;
  output: () => string;
  /** The rest of the first stdout line that starts with `prefix`, once it is printed. */
  waitForLine(prefix: string): Promise<string>;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. Resolves once it is gone. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** SIGKILL, as a crash: nothing is flushed or cleaned up, the data folder stays. */
  kill(): Promise<void>;
}

/**
 * Start `dist-electron/headless.mjs` on free ports with its own data folder, or with `dataDir`
 * (kept when it stops: the caller owns it); `tmpDir` is where it keeps temporary files; `env`
 * adds to its environment (a proxy, extra CA certificates).
 */
export async function startHeadless(
  extraArgs: string[] = [],
  options: { dataDir?: string; tmpDir?: string; env?: Record<string, string> } = {},
): Promise<HeadlessInstance> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'ohi-e2e-')));
  // A developer's own ngrok token must not make tests open real tunnels.
  const env = {
    ...process.env,
    NGROK_AUTHTOKEN: '',
    ...(options.tmpDir === undefined ? {} : { TMPDIR: options.tmpDir }),
    ...options.env,
  };
  const child = spawn(
    process.execPath,
    [HEADLESS, '--port', '0', '--ui-port', '0', '--data-dir', dataDir, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [receiverUrl, inspectorUrl] = await Promise.all([
    lineValue(child, () => output, 'Receiver: '),
    lineValue(child, () => output, 'Inspector: '),
  ]);
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  return {
    receiverUrl,
    inspectorUrl,
    dataDir,
    output: () => output,
    waitForLine: (prefix) => lineValue(child, () => output, prefix),
    stop: async () => {
      await end('SIGTERM');
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
  };
}

function lineValue(child: ChildProcess, output: () => string, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const line = output()
        .split('\n')
        .find((l) => l.startsWith(prefix));
      if (line) {
        cleanup();
        resolve(line.slice(prefix.length).trim());
      }
    };
    const onExit = () => {
      cleanup();
      reject(new Error(`headless exited before printing "${prefix}":\n${output()}`));
    };
    const cleanup = () => {
      child.stdout?.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}
