/** One time slice of the timeline: how deliveries ended, and the slowest answer. */
export interface TimelineBucket {
  /** Epoch ms where the slice starts; it lasts the timeline's `bucketMs`. */
  start: number;
  accepted: number;
  /** 3xx and 4xx: Okta never retries these. */
  rejected: number;
  /** 5xx or no answer: Okta retries once. */
  failed: number;
  /** Answered after Okta's 3-second budget. */
  timedOut: number;
  /** Verifications and other requests. */
  other: number;
  /** Slowest answer in the slice, in ms (0 when empty). */
  maxMs: number;
}

/** Exchanges matching a query, counted per time slice, for the strip above the list. */
export interface Timeline {
  from: number;
  to: number;
  bucketMs: number;
  buckets: TimelineBucket[];
  /** Exchanges matching the query (the list's total). */
  total: number;
}
