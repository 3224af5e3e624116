import type { TunnelProviderName, TunnelStatus } from '../../../shared/model/tunnel';
import type { Clock, Logger, Scheduler } from '../deps';
import {
  TunnelFailure,
  type ConnectRequest,
  type TunnelProvider,
  type TunnelSession,
} from './tunnel-provider';

/** What the tunnel follows: settings and the receiver, read fresh on every attempt. */
export interface TunnelConfig {
  provider: TunnelProviderName;
  /** The receiver's port, or null while it is not listening (with the reason). */
  port: number | null;
  receiverError: string | null;
  hookPath: string;
  authtoken: string | null;
  domain: string | null;
  publicUrl: string | null;
}

export interface Backoff {
  firstMs: number;
  maxMs: number;
}

export interface TunnelControllerOptions {
  providers: Record<TunnelProviderName, TunnelProvider>;
  config(): TunnelConfig;
  onChange(status: TunnelStatus): void;
  clock: Pick<Clock, 'now'>;
  scheduler: Scheduler;
  logger: Logger;
  /** For jitter; tests pass a constant. */
  random?: () => number;
  backoff?: Backoff;
}

type Outcome = { session: TunnelSession } | { failure: TunnelFailure };

/** 1 s, 2 s, 4 s … up to 30 s, ±20 %: quick after a blip, gentle on a long outage. */
export function backoffDelay(attempt: number, backoff: Backoff, random: number): number {
  const base = Math.min(backoff.maxMs, backoff.firstMs * 2 ** (attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}

/**
 * The tunnel's state machine: off → starting → online ⇄ reconnecting, and error. Every attempt is
 * bounded by its provider's timeout and then aborted; a drop is retried with backoff while the
 * failure is worth retrying. Every change of plan bumps `generation`, so the late result of an
 * abandoned attempt is closed and ignored, never shown.
 */
export class TunnelController {
  private current: TunnelStatus;
  private generation = 0;
  private session: TunnelSession | null = null;
  private abort: AbortController | null = null;
  private cancelRetry: (() => void) | null = null;
  /** Config key of the attempt or session in hand, and of the last error. */
  private activeKey: string | null = null;
  private errorKey: string | null = null;
  private waiters: (() => void)[] = [];

  constructor(private readonly options: TunnelControllerOptions) {
    this.current = { state: 'off', provider: options.config().provider };
  }

  status(): TunnelStatus {
    return this.current;
  }

  /** Open the tunnel; resolves when it is online or has failed. A running one is kept unless `restart`. */
  async start(restart = false): Promise<TunnelStatus> {
    const { state } = this.current;
    if (!restart && (state === 'online' || state === 'reconnecting')) return this.current;
    if (!restart && state === 'starting') return this.settled();
    const closing = this.halt();
    const generation = this.generation;
    const provider = this.options.config().provider;
    this.set({ state: 'starting', provider, since: this.options.clock.now() });
    const settled = this.settled();
    await closing;
    if (generation === this.generation) void this.open(1, 'start');
    return settled;
  }

  async stop(): Promise<TunnelStatus> {
    const closing = this.halt();
    this.set({ state: 'off', provider: this.options.config().provider });
    await closing;
    return this.current;
  }

  /** Settings or the receiver changed: reconnect if the tunnel depends on what changed. */
  refresh(): void {
    const config = this.options.config();
    const { state } = this.current;
    if (state === 'off') {
      if (this.current.provider !== config.provider) this.set({ state: 'off', provider: config.provider });
      return;
    }
    if (config.provider === 'none' || this.waitsForStart(config)) {
      void this.stop();
      return;
    }
    const key = this.keyOf(config);
    if (state === 'error') {
      if (key !== this.errorKey) void this.start(true);
      return;
    }
    if (key !== this.activeKey) void this.start(true);
    else if (this.current.state === 'online') this.follow(config);
  }

  /**
   * A provider chosen after a failure, or a manual tunnel still without its URL, is not tried
   * at once: its first attempt is the user's Start, not an error shown before anything was typed.
   */
  private waitsForStart(config: TunnelConfig): boolean {
    if (config.provider === this.current.provider) return false;
    return this.current.state === 'error' || (config.provider === 'manual' && config.publicUrl === null);
  }

  /** A new hook path moves only the hook URL; the tunnel itself stays. */
  private follow(config: TunnelConfig): void {
    if (this.current.state !== 'online') return;
    const hookUrl = `${this.current.publicUrl}${config.hookPath}`;
    if (hookUrl !== this.current.hookUrl) this.set({ ...this.current, hookUrl });
  }

  private async open(attempt: number, kind: 'start' | 'retry'): Promise<void> {
    const generation = this.generation;
    const config = this.options.config();
    const key = this.keyOf(config);
    this.activeKey = key;
    if (config.port === null) {
      this.fail(receiverDown(config.receiverError), key);
      return;
    }
    const provider = this.options.providers[config.provider];
    const request: ConnectRequest = { ...config, port: config.port };
    const outcome = await this.bounded(provider, request);
    if (generation !== this.generation) {
      if ('session' in outcome) void outcome.session.close();
      return;
    }
    if ('session' in outcome) this.online(outcome.session, config.provider, request);
    else if (kind === 'retry' && outcome.failure.retryable) this.retry(attempt + 1, outcome.failure.message);
    else this.fail(outcome.failure, key);
  }

  /** Race the attempt against its bound; on timeout abort it, and close a session that arrives late. */
  private async bounded(provider: TunnelProvider, request: ConnectRequest): Promise<Outcome> {
    const abort = new AbortController();
    this.abort = abort;
    let cancelTimeout: () => void = () => undefined;
    let timedOut = false;
    const attempt: Promise<Outcome> = provider.connect(request, abort.signal).then(
      (session) => {
        if (timedOut) void session.close();
        return { session };
      },
      (error: unknown) => ({ failure: TunnelFailure.from(error, `${provider.name} failed`) }),
    );
    const timeout = new Promise<Outcome>((resolve) => {
      cancelTimeout = this.options.scheduler.after(provider.timeoutMs, () => {
        timedOut = true;
        abort.abort();
        resolve({ failure: new TunnelFailure('timeout', provider.describeTimeout(request), true) });
      });
    });
    const outcome = await Promise.race([attempt, timeout]);
    cancelTimeout();
    if (this.abort === abort) this.abort = null;
    return outcome;
  }

  private online(session: TunnelSession, provider: TunnelProviderName, request: ConnectRequest): void {
    this.session = session;
    session.onDrop((failure) => this.dropped(session, failure));
    this.set({
      state: 'online',
      provider,
      publicUrl: session.publicUrl,
      hookUrl: `${session.publicUrl}${request.hookPath}`,
      forwardsTo: `http://127.0.0.1:${request.port}`,
      onlineSince: this.options.clock.now(),
    });
    this.options.logger.info('tunnel online', { provider, publicUrl: session.publicUrl });
  }

  private dropped(session: TunnelSession, failure: TunnelFailure): void {
    if (this.session !== session) return;
    this.session = null;
    void session.close();
    this.options.logger.warn('tunnel dropped', { code: failure.code, reason: failure.message });
    if (failure.retryable) this.retry(1, failure.message);
    else this.fail(failure, this.activeKey);
  }

  private retry(attempt: number, reason: string): void {
    const backoff = this.options.backoff ?? { firstMs: 1_000, maxMs: 30_000 };
    const delay = backoffDelay(attempt, backoff, (this.options.random ?? Math.random)());
    const provider = this.options.config().provider;
    this.set({ state: 'reconnecting', provider, attempt, retryAt: this.options.clock.now() + delay, reason });
    this.cancelRetry = this.options.scheduler.after(delay, () => {
      this.cancelRetry = null;
      void this.open(attempt, 'retry');
    });
  }

  private fail(failure: TunnelFailure, key: string | null): void {
    this.errorKey = key;
    const provider = this.options.config().provider;
    this.set({
      state: 'error',
      provider,
      code: failure.code,
      message: failure.message,
      at: this.options.clock.now(),
    });
    this.options.logger.warn('tunnel failed', { code: failure.code, reason: failure.message });
  }

  /** Abandon whatever is under way (attempt, retry, session); resolves when the session is closed. */
  private halt(): Promise<void> {
    this.generation += 1;
    this.abort?.abort();
    this.abort = null;
    this.cancelRetry?.();
    this.cancelRetry = null;
    const session = this.session;
    this.session = null;
    return session ? session.close().catch(() => undefined) : Promise.resolve();
  }

  private keyOf(config: TunnelConfig): string {
    if (config.port === null) return `receiver-down:${config.receiverError ?? ''}`;
    const provider = this.options.providers[config.provider];
    return `${config.provider}:${provider.sessionKey({ ...config, port: config.port })}`;
  }

  private settled(): Promise<TunnelStatus> {
    if (this.current.state !== 'starting') return Promise.resolve(this.current);
    return new Promise((resolve) => this.waiters.push(() => resolve(this.current)));
  }

  private set(status: TunnelStatus): void {
    this.current = status;
    this.options.onChange(status);
    if (status.state === 'starting') return;
    for (const wake of this.waiters.splice(0)) wake();
  }
}

function receiverDown(reason: string | null): TunnelFailure {
  return new TunnelFailure(
    'receiver-down',
    `The receiver is not listening, so a tunnel would have nowhere to deliver: ${
      reason ?? 'fix the receiver in Settings, then start again.'
    }`,
    false,
  );
}
