/** Okta counts requests per endpoint bucket per minute (https://developer.okta.com/docs/reference/rate-limits/#how-rate-limiting-works). */
export type Bucket = 'logs' | 'event-hooks' | 'api-tokens' | 'oauth';

const BUCKETS: [string, Bucket][] = [
  ['/api/v1/logs', 'logs'],
  ['/api/v1/api-tokens', 'api-tokens'],
  ['/oauth2/', 'oauth'],
];

export const bucketOf = (path: string): Bucket =>
  BUCKETS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'event-hooks';

export interface RateDecision {
  limit: number;
  remaining: number;
  /** UTC epoch seconds. */
  reset: number;
  limited: boolean;
}

const WINDOW_MS = 60_000;

/** Per-bucket minute windows, and a way to make the next call of a bucket fail with 429 once. */
export class RateLimits {
  private readonly windows = new Map<Bucket, { start: number; used: number }>();
  private readonly forced = new Set<Bucket>();

  constructor(
    private readonly limits: Record<Bucket, number>,
    private readonly now: () => number,
  ) {}

  forceNext(bucket: Bucket): void {
    this.forced.add(bucket);
  }

  take(bucket: Bucket): RateDecision {
    const now = this.now();
    let window = this.windows.get(bucket);
    if (!window || now >= window.start + WINDOW_MS) {
      window = { start: now, used: 0 };
      this.windows.set(bucket, window);
    }
    const limit = this.limits[bucket];
    const reset = Math.ceil((window.start + WINDOW_MS) / 1000);
    if (this.forced.delete(bucket)) return { limit, remaining: 0, reset, limited: true };
    if (window.used >= limit) return { limit, remaining: 0, reset, limited: true };
    window.used += 1;
    return { limit, remaining: limit - window.used, reset, limited: false };
  }
}
