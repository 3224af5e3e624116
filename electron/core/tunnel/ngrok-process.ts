import { systemScheduler } from '../deps';
import type { AgentProcess, LaunchAgent } from './agent-process';
import { isFromAgent, type AgentConnect, type WireFailure } from './agent-protocol';
import { noAuthtoken } from './ngrok-errors';
import { TunnelFailure, type TunnelProvider, type TunnelSession } from './tunnel-provider';

export interface NgrokProviderOptions {
  /** The built agent script, `dist-electron/ngrok-agent.cjs`. */
  agentPath: string;
  /** How the agent process is started: `forkAgent`, or a utility process in the desktop app. */
  launch: LaunchAgent;
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
      return runAgent(startAgent(options), message, signal, options.closeGraceMs ?? 2_000);
    },
  };
}

function startAgent(options: NgrokProviderOptions): AgentProcess {
  // The token travels over IPC only; one that came from the environment stays out of the child's.
  const env = { ...process.env };
  delete env.NGROK_AUTHTOKEN;
  return options.launch(options.agentPath, env);
}

function runAgent(
  agent: AgentProcess,
  message: AgentConnect,
  signal: AbortSignal,
  closeGraceMs: number,
): Promise<TunnelSession> {
  return new Promise((resolve, reject) => {
    let session: AgentSession | null = null;
    const cancel = () => {
      agent.kill();
      reject(new TunnelFailure('timeout', 'The ngrok connect attempt was cancelled.', true));
    };
    signal.addEventListener('abort', cancel, { once: true });
    agent.onMessage((reply) => {
      if (!isFromAgent(reply)) return;
      if (reply.type === 'online' && session === null) {
        signal.removeEventListener('abort', cancel);
        session = new AgentSession(agent, reply.url, closeGraceMs);
        resolve(session);
      } else if (reply.type === 'failed') {
        // The agent has nothing left to do; it is not trusted to end itself.
        agent.kill();
        reject(fromWire(reply.failure));
      } else if (reply.type === 'dropped') {
        session?.drop(fromWire(reply.failure));
      }
    });
    agent.onError((error) => reject(TunnelFailure.from(error, 'The ngrok agent could not start')));
    agent.onExit((code) => {
      signal.removeEventListener('abort', cancel);
      if (session) session.exited(code, agent.lastError());
      else reject(agentStopped('before connecting', code, agent.lastError()));
    });
    agent.send(message);
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
    private readonly agent: AgentProcess,
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
    this.agent.kill();
  }

  exited(code: number | null, detail: string): void {
    this.markGone();
    this.drop(agentStopped('unexpectedly', code, detail));
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.agent.running()) return;
    this.agent.send({ type: 'close' });
    const cancelKill = systemScheduler.after(this.closeGraceMs, () => this.agent.kill());
    await this.gone;
    cancelKill();
  }
}

const fromWire = (failure: WireFailure) =>
  new TunnelFailure(failure.code, failure.message, failure.retryable);

function agentStopped(when: string, code: number | null, detail: string): TunnelFailure {
  const why = detail === '' ? `exit code ${code ?? 'none'}` : detail;
  return new TunnelFailure('failed', `The ngrok agent process stopped ${when} (${why}).`, true);
}
