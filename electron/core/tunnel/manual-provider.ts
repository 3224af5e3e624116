import type { Scheduler } from '../deps';
import { PROBE_HEADER, type ProbeResponder } from './probe';
import {
  TunnelFailure,
  type ConnectRequest,
  type TunnelProvider,
  type TunnelSession,
} from './tunnel-provider';

export interface ManualProviderOptions {
  probes: ProbeResponder;
  scheduler: Scheduler;
  /** Bound on one probe. */
  timeoutMs?: number;
  /** How often an online tunnel is probed again, so a tunnel that died is noticed. */
  checkEveryMs?: number;
  fetch?: typeof fetch;
}

type Probe = (request: ConnectRequest, signal: AbortSignal) => Promise<void>;

/**
 * A tunnel the user runs themselves (cloudflared, a reverse proxy …). It is online only while a
 * probe sent to the public hook URL comes back from this very receiver.
 */
export function createManualProvider(options: ManualProviderOptions): TunnelProvider {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const probe: Probe = (request, signal) => probeOnce(options, request, signal);
  return {
    name: 'manual',
    timeoutMs,
    sessionKey: (request) => JSON.stringify([request.publicUrl, request.port, request.hookPath]),
    describeTimeout: (request) =>
      `${baseOf(request)} did not answer within ${timeoutMs / 1000} s: check that your tunnel is running.`,
    connect: async (request, signal) => {
      await probe(request, signal);
      const check = () => boundedProbe(options, probe, request, timeoutMs);
      return new ManualSession(baseOf(request), check, options.scheduler, options.checkEveryMs ?? 60_000);
    },
  };
}

/** A later check has no controller to bound it, so it bounds itself. */
function boundedProbe(
  options: ManualProviderOptions,
  probe: Probe,
  request: ConnectRequest,
  timeoutMs: number,
) {
  const abort = new AbortController();
  const cancelTimeout = options.scheduler.after(timeoutMs, () => abort.abort());
  return probe(request, abort.signal)
    .catch((error: unknown) => {
      if (!abort.signal.aborted) throw error;
      throw new TunnelFailure(
        'timeout',
        `${baseOf(request)} stopped answering within ${timeoutMs / 1000} s.`,
        true,
      );
    })
    .finally(cancelTimeout);
}

const baseOf = (request: ConnectRequest) => (request.publicUrl ?? '').replace(/\/+$/, '');

async function probeOnce(options: ManualProviderOptions, request: ConnectRequest, signal: AbortSignal) {
  const base = baseOf(request);
  if (base === '') {
    throw new TunnelFailure(
      'no-public-url',
      'No public URL: paste the https URL of your own tunnel (e.g. cloudflared) pointed at the receiver.',
      false,
    );
  }
  const nonce = options.probes.issue();
  try {
    const response = await (options.fetch ?? fetch)(`${base}${request.hookPath}`, {
      headers: { [PROBE_HEADER]: nonce },
      redirect: 'manual',
      signal,
    }).catch((error: unknown) => {
      throw signal.aborted ? error : unreachable(base, error);
    });
    const answer = await response.text().catch(() => '');
    checkAnswer(base, request, nonce, response, answer);
  } finally {
    options.probes.retire(nonce);
  }
}

function checkAnswer(base: string, request: ConnectRequest, nonce: string, response: Response, text: string) {
  const target = `http://127.0.0.1:${request.port}`;
  const echo = parseEcho(text);
  if (echo?.probe === nonce) {
    if (echo.path === request.hookPath) return;
    throw new TunnelFailure(
      'unreachable',
      `${base} reaches the receiver as ${String(echo.path)} instead of ${request.hookPath}: enter the URL that maps to ${target}/.`,
      false,
    );
  }
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) {
    throw new TunnelFailure(
      'unreachable',
      `${base} redirects to ${location}: enter the URL it redirects to.`,
      false,
    );
  }
  const why = [502, 503, 504, 521, 522, 523, 530].includes(response.status)
    ? 'its tunnel cannot reach the receiver'
    : 'the answer does not come from this receiver';
  throw new TunnelFailure(
    'unreachable',
    `${base} answers ${response.status}, but ${why}: point your tunnel at ${target}.`,
    true,
  );
}

function parseEcho(text: string): { probe?: unknown; path?: unknown } | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

function unreachable(base: string, error: unknown): TunnelFailure {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail =
    cause?.code === 'ENOTFOUND'
      ? 'host not found'
      : cause?.code === 'ECONNREFUSED'
        ? 'connection refused'
        : (cause?.code ?? cause?.message ?? String(error));
  return new TunnelFailure(
    'unreachable',
    `${base} does not answer (${detail}): check that your tunnel is running.`,
    true,
  );
}

/** An online manual tunnel: probed again now and then, dropped when a probe fails. */
class ManualSession implements TunnelSession {
  private listener: ((failure: TunnelFailure) => void) | null = null;
  private cancelCheck: (() => void) | null = null;
  private closed = false;

  constructor(
    readonly publicUrl: string,
    private readonly check: () => Promise<void>,
    private readonly scheduler: Scheduler,
    private readonly everyMs: number,
  ) {
    this.schedule();
  }

  onDrop(listener: (failure: TunnelFailure) => void): void {
    this.listener = listener;
  }

  close(): Promise<void> {
    this.closed = true;
    this.cancelCheck?.();
    return Promise.resolve();
  }

  private schedule(): void {
    this.cancelCheck = this.scheduler.after(this.everyMs, () => {
      this.check().then(
        () => !this.closed && this.schedule(),
        (error: unknown) => {
          if (this.closed) return;
          this.closed = true;
          this.listener?.(TunnelFailure.from(error, `${this.publicUrl} stopped answering`));
        },
      );
    });
  }
}
