import { systemScheduler } from '../deps';
import { isToAgent, type AgentConnect, type FromAgent } from './agent-protocol';
import { classifyNgrokError } from './ngrok-errors';
import { openNgrokTunnel, type OpenNgrok } from './ngrok-provider';
import type { TunnelFailure } from './tunnel-provider';

/**
 * Entry point of the ngrok agent process (bundled as dist-electron/ngrok-agent.cjs). It holds
 * one ngrok session for the engine and dies with it: the engine kills it to cancel a connect
 * that hangs, and it exits on its own when the engine goes away.
 */

/** How long ngrok gets to close the session cleanly before the process exits anyway. */
const CLOSE_GRACE_MS = 2_000;
/** After a failure the engine kills this process; if it does not, it exits by itself. */
const EXIT_AFTER_FAILURE_MS = 2_000;

/** Electron's utility process talks to its parent through this port instead of Node's IPC. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const { parentPort } = process as NodeJS.Process & { parentPort?: ParentPort };

let request: AgentConnect | null = null;
let tunnel: OpenNgrok | null = null;

const send = (message: FromAgent) => {
  if (parentPort) parentPort.postMessage(message);
  else if (process.connected) process.send?.(message);
};

const exitSoon = (code: number) => systemScheduler.after(EXIT_AFTER_FAILURE_MS, () => process.exit(code));

const wire = (failure: TunnelFailure) => ({
  code: failure.code,
  message: failure.message,
  retryable: failure.retryable,
});

/** Every error that leaves this process is classified, and so stripped of the authtoken. */
const classify = (error: unknown) =>
  wire(classifyNgrokError(error, request?.domain ?? null, request?.authtoken ?? ''));

async function connect(message: AgentConnect): Promise<void> {
  request = message;
  try {
    tunnel = await openNgrokTunnel(message, (failure) => send({ type: 'dropped', failure: wire(failure) }));
    send({ type: 'online', url: tunnel.url });
  } catch (error) {
    send({ type: 'failed', failure: classify(error) });
    exitSoon(0);
  }
}

async function close(): Promise<void> {
  const closing = tunnel?.close().catch(() => undefined);
  await Promise.race([
    closing,
    new Promise<void>((resolve) => systemScheduler.after(CLOSE_GRACE_MS, resolve)),
  ]);
  process.exit(0);
}

function receive(message: unknown): void {
  if (!isToAgent(message)) return;
  if (message.type === 'connect') void connect(message);
  else void close();
}

if (parentPort) {
  // Electron ends its utility processes with the app.
  parentPort.on('message', (event) => receive(event.data));
} else {
  process.on('message', receive);
  // The engine is gone (quit or crashed): the tunnel must not outlive it.
  process.on('disconnect', () => process.exit(0));
}

// The SDK throws outside any promise when a session it was told not to resume fails.
process.on('uncaughtException', (error) => {
  const failure = classify(error);
  send(tunnel ? { type: 'dropped', failure } : { type: 'failed', failure });
  exitSoon(1);
});
