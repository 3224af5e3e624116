import { fork, type ChildProcess } from 'node:child_process';
import { isFromAgent, type AgentConnect, type WireFailure } from './agent-protocol';
import { noAuthtoken } from './ngrok-errors';
import { TunnelFailure, type TunnelProvider, type TunnelSession } from './tunnel-provider';

export interface NgrokProviderOptions {
  /** The built agent script, `dist-electron/ngrok-agent.cjs`. */
  agentPath: string;
  /** Reported to ngrok as this client's version. */
  clientVersion: string;
  /** Another ngrok ingress (a custom agent ingress; loopback listeners in tests). */
  serverAddr?: string;
  /** Bound on one connect attempt; ngrok usually answers within a second or two. */
  timeoutMs?: number;
  /** How long the agent gets to close its session before it is killed. */
  closeGraceMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * The ngrok provider as the engine sees it. Each session runs in its own agent process
 * (ngrok-agent.ts), so a connect that never settles is cancelled by killing that process and
 * cannot block the next one.
 */
export function createNgrokProvider(options: NgrokProviderOptions): TunnelProvider {
  return {
    name: 'ngrok',
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    sessionKey: (request) => JSON.stringify([request.port, request.authtoken, request.domain]),
    describeTimeout: () =>
      `ngrok did not answer within ${seconds(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)}: check the internet ` +
      'connection, proxy or firewall, then start again.',
    connect: (request, signal) => {
      // Checked before any process or socket exists: without a token there is no network traffic.
      if (request.authtoken === null || request.authtoken === '') return Promise.reject(noAuthtoken());
      const message: AgentConnect = {
        type: 'connect',
        port: request.port,
        authtoken: request.authtoken,
        domain: request.domain,
        serverAddr: options.serverAddr ?? null,
        clientVersion: options.clientVersion,
      };
      return runAgent(options.agentPath, message, signal, options.closeGraceMs ?? 2_000);
    },
  };
}

/** Start the agent process; its stderr tail explains an early exit. */
function spawnAgent(agentPath: string): { child: ChildProcess; lastError: () => string } {
  // The token travels over IPC only; one that came from the environment stays out of the child's.
  const env = { ...process.env };
  delete env.NGROK_AUTHTOKEN;
  const child = fork(agentPath, [], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Inside Electron, fork runs the Electron binary: this makes it plain Node.
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    serialization: 'json',
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
  return { child, lastError: () => lastLine(stderr) };
}

function runAgent(
  agentPath: string,
  message: AgentConnect,
  signal: AbortSignal,
  closeGraceMs: number,
): Promise<TunnelSession> {
  return new Promise((resolve, reject) => {
    const { child, lastError } = spawnAgent(agentPath);
    let session: AgentSession | null = null;
    const cancel = () => {
      child.kill('SIGKILL');
      reject(new TunnelFailure('timeout', 'The ngrok connect attempt was cancelled.', true));
    };
    signal.addEventListener('abort', cancel, { once: true });
    child.on('message', (reply) => {
      if (!isFromAgent(reply)) return;
      if (reply.type === 'online' && session === null) {
        signal.removeEventListener('abort', cancel);
        session = new AgentSession(child, reply.url, closeGraceMs);
        resolve(session);
      } else if (reply.type === 'failed') {
        reject(fromWire(reply.failure));
      } else if (reply.type === 'dropped') {
        session?.drop(fromWire(reply.failure));
      }
    });
    child.on('error', (error) => reject(TunnelFailure.from(error, 'The ngrok agent could not start')));
    child.on('exit', (code) => {
      signal.removeEventListener('abort', cancel);
      if (session) session.exited(code, lastError());
      else reject(agentStopped('before connecting', code, lastError()));
    });
    child.send(message);
  });
}

class AgentSession implements TunnelSession {
  readonly publicUrl: string;
  private readonly listeners: ((failure: TunnelFailure) => void)[] = [];
  private closing = false;
  private dropped = false;
  private readonly gone: Promise<void>;
  private markGone!: () => void;

  constructor(
    private readonly child: ChildProcess,
    url: string,
    private readonly closeGraceMs: number,
  ) {
    this.publicUrl = url.replace(/\/+$/, '');
    this.gone = new Promise((resolve) => (this.markGone = resolve));
  }

  onDrop(listener: (failure: TunnelFailure) => void): void {
    this.listeners.push(listener);
  }

  drop(failure: TunnelFailure): void {
    if (this.closing || this.dropped) return;
    this.dropped = true;
    for (const listener of this.listeners) listener(failure);
    this.child.kill('SIGKILL');
  }

  exited(code: number | null, detail: string): void {
    this.markGone();
    this.drop(agentStopped('unexpectedly', code, detail));
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ type: 'close' });
    const force = setTimeout(() => this.child.kill('SIGKILL'), this.closeGraceMs);
    await this.gone;
    clearTimeout(force);
  }
}

const fromWire = (failure: WireFailure) =>
  new TunnelFailure(failure.code, failure.message, failure.retryable);

const lastLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .at(-1) ?? '';

function agentStopped(when: string, code: number | null, detail: string): TunnelFailure {
  const why = detail === '' ? `exit code ${code ?? 'none'}` : detail;
  return new TunnelFailure('failed', `The ngrok agent process stopped ${when} (${why}).`, true);
}
