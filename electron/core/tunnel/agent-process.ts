import { fork } from 'node:child_process';
import type { ToAgent } from './agent-protocol';

/**
 * The ngrok agent process as the provider drives it. Headless mode forks it with Node; the
 * desktop app starts it as an Electron utility process (electron/main/utility-agent.ts),
 * because the app's fuses forbid running Electron as plain Node (ELECTRON_RUN_AS_NODE).
 */
export interface AgentProcess {
  send(message: ToAgent): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when it has stopped (or could not start). */
  onExit(listener: (code: number | null) => void): void;
  onError(listener: (error: Error) => void): void;
  /** Stop it now: a connect that hangs, or a session that is over. */
  kill(): void;
  running(): boolean;
  /** The last line it wrote to stderr: why it stopped, if it said. */
  lastError(): string;
}

export type LaunchAgent = (agentPath: string, env: NodeJS.ProcessEnv) => AgentProcess;

/** Keep the end of a child's stderr; its last line explains an early exit. */
export function stderrTail(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer | string) => (text = (text + chunk.toString()).slice(-2_000)));
  return () =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .at(-1) ?? '';
}

/** The agent as a plain Node child process with an IPC channel (headless mode, tests). */
export const forkAgent: LaunchAgent = (agentPath, env) => {
  const child = fork(agentPath, [], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env,
    serialization: 'json',
  });
  const lastError = stderrTail(child.stderr);
  return {
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    onError: (listener) => child.on('error', listener),
    kill: () => child.kill('SIGKILL'),
    running: () => child.exitCode === null && child.signalCode === null,
    lastError,
  };
};
