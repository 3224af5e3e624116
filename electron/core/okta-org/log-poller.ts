import type { OktaProblem, PollStatus, RateLimitState } from '../../../shared/model/okta';
import type { Clock, Scheduler } from '../deps';
import type { OktaApi } from './okta-api';
import type { OktaFailure, OktaResult } from './okta-client';

export interface PollerDeps {
  api(): OktaApi | null;
  /** Hooks whose events and records are fetched. */
  hookIds(): string[];
  clock: Clock;
  scheduler: Scheduler;
  /** Between polls when nothing is pending: 30 s by default. */
  intervalMs: number;
  /** How far back the first query reaches. */
  lookbackMs: number;
  onEvents(events: unknown[]): void;
  /** A 401 or 403: polling stops until the connection is fixed. */
  onAuthProblem(problem: OktaProblem): void;
  onStatus(): void;
}

/** Okta's maximum page (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/#tag/SystemLog/operation/listLogEvents!in=query&path=limit&t=request): a full page means more is waiting. */
export const PAGE_SIZE = 1000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** Okta's answers to a filter it does not support (https://developer.okta.com/docs/reference/system-log-query/#errors). */
const FILTER_REFUSED = new Set(['E0000031', 'E0000053']);

/** Leave the last tenth of the window (at least 2 calls) to the user's own API clients. */
const reserveOf = (limit: RateLimitState) => Math.max(2, Math.ceil(limit.limit / 10));

/** `eventType sw "event_hook"` plus the events naming a tracked hook (https://developer.okta.com/docs/reference/system-log-query/#expression-filter). */
export function hooksFilter(hookIds: string[]): string {
  const named = hookIds
    .filter((id) => /^[A-Za-z0-9]+$/.test(id))
    .map((id) => ` or debugContext.debugData.targetEventHookIds co "${id}"`);
  return `eventType sw "event_hook"${named.join('')}`;
}

/**
 * Polls the System Log politely (https://developer.okta.com/docs/reference/system-log-query/#polling-requests): one polling query (`since`, ascending, no
 * `until`), then its `next` link followed verbatim forever; a full page is followed at once,
 * otherwise every `intervalMs`; the rate-limit headers and 429s set the pace, errors back off.
 */
export class LogPoller {
  private next: string | null = null;
  private filterKey = '';
  private cancel: (() => void) | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private running = false;
  private state: PollStatus = {
    state: 'stopped',
    lastPolledAt: null,
    nextPollAt: null,
    events: 0,
    since: null,
    rateLimit: null,
    filter: 'hooks',
    error: null,
  };

  constructor(private readonly deps: PollerDeps) {}

  status(): PollStatus {
    return this.state;
  }

  start(): void {
    this.running = true;
    this.schedule(0, 'waiting');
  }

  stop(): void {
    this.running = false;
    this.cancel?.();
    this.cancel = null;
    this.next = null;
    this.set({ state: 'stopped', nextPollAt: null });
  }

  /** Not polling at all, and why (the connection may not read the System Log). */
  off(reason: string): void {
    this.stop();
    this.set({ error: reason });
  }

  /** Poll at once (unless Okta asked us to wait); resolves when that poll is done. */
  async pollNow(): Promise<void> {
    if (!this.running || this.state.state === 'rate-limited') return;
    if (this.inFlight) return this.inFlight;
    this.cancel?.();
    await this.poll();
  }

  private set(change: Partial<PollStatus>): void {
    this.state = { ...this.state, ...change };
    this.deps.onStatus();
  }

  private schedule(delayMs: number, state: PollStatus['state']): void {
    if (!this.running) return;
    this.cancel?.();
    this.cancel = this.deps.scheduler.after(delayMs, () => void this.poll());
    this.set({ state, nextPollAt: this.deps.clock.now() + delayMs });
  }

  private poll(): Promise<void> {
    this.inFlight ??= this.fetchPage().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private request(api: OktaApi): Promise<OktaResult<unknown[]>> {
    const key = this.state.filter === 'all' ? 'all' : this.deps.hookIds().join(',');
    if (key !== this.filterKey) {
      // A new set of hooks is a new query: its cursor belongs to the old filter.
      this.filterKey = key;
      this.next = null;
    }
    if (this.next !== null) return api.followLogs(this.next);
    const since = new Date(this.deps.clock.now() - this.deps.lookbackMs).toISOString();
    this.set({ since });
    const query = new URLSearchParams({ since, sortOrder: 'ASCENDING', limit: String(PAGE_SIZE) });
    if (this.state.filter === 'hooks') query.set('filter', hooksFilter(this.deps.hookIds()));
    return api.logs(query.toString());
  }

  private async fetchPage(): Promise<void> {
    const api = this.deps.api();
    if (!api || !this.running) return;
    this.set({ state: 'polling', nextPollAt: null });
    const result = await this.request(api);
    if (!this.running) return;
    if (!result.ok) return this.failed(result);
    this.failures = 0;
    this.next = result.next;
    this.deps.onEvents(result.value);
    const now = this.deps.clock.now();
    this.set({ lastPolledAt: now, rateLimit: result.rateLimit, error: null });
    const full = result.value.length >= PAGE_SIZE;
    const limit = result.rateLimit;
    if (limit && limit.remaining <= reserveOf(limit) && limit.resetAt > now) {
      return this.schedule(limit.resetAt - now + 1000, 'rate-limited');
    }
    this.schedule(full ? 0 : this.deps.intervalMs, 'waiting');
  }

  private failed(result: OktaFailure): void {
    const { problem } = result;
    const now = this.deps.clock.now();
    this.set({ error: problem.message, rateLimit: result.rateLimit ?? this.state.rateLimit });
    if (problem.kind === 'token' || problem.kind === 'permission') {
      this.deps.onAuthProblem(problem);
      return this.stop();
    }
    if (problem.kind === 'rate-limited') {
      return this.schedule(Math.max(1000, (problem.retryAt ?? now + 60_000) - now + 1000), 'rate-limited');
    }
    if (this.state.filter === 'hooks' && result.error && FILTER_REFUSED.has(result.error.errorCode)) {
      // This org refuses the debugData filter: fetch every event and pick them out here.
      this.set({ filter: 'all' });
      return this.schedule(0, 'waiting');
    }
    this.failures += 1;
    this.schedule(Math.min(this.deps.intervalMs * 2 ** this.failures, MAX_BACKOFF_MS), 'backing-off');
  }
}
