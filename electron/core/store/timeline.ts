import type { Timeline, TimelineBucket } from '../../../shared/model/timeline';
import { deliveryResult, type DeliveryResult } from '../../../shared/okta/outcome-key';
import type { Entry } from './store-index';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Slice widths a reader can count in; the narrowest that fits the window is used. */
const STEPS = [
  SECOND,
  5 * SECOND,
  10 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  WEEK,
];

const FIELD: Record<DeliveryResult, keyof Omit<TimelineBucket, 'start' | 'maxMs'>> = {
  accepted: 'accepted',
  rejected: 'rejected',
  failed: 'failed',
  'timed-out': 'timedOut',
  other: 'other',
};

/**
 * Count matching exchanges per slice over a window: the query's own time range when it has
 * one (so dragging zooms in), otherwise the span of what matches. One pass over the matches.
 */
export function buildTimeline(
  matches: Entry[],
  window: { from: number | null; to: number | null },
  options: { maxBuckets: number; now: number },
): Timeline {
  const span =
    window.from !== null && window.to !== null
      ? { from: window.from, to: window.to }
      : spanOf(matches, window, options.now);
  const bucketMs = sliceWidth(span, options.maxBuckets);
  const from = alignDown(span.from, bucketMs);
  const count = Math.max(1, Math.ceil((span.to - from) / bucketMs));
  const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => ({
    start: from + i * bucketMs,
    accepted: 0,
    rejected: 0,
    failed: 0,
    timedOut: 0,
    other: 0,
    maxMs: 0,
  }));
  for (const { summary } of matches) {
    const bucket = buckets[Math.floor((summary.receivedAt - from) / bucketMs)];
    if (bucket === undefined || summary.receivedAt >= span.to) continue;
    bucket[FIELD[deliveryResult(summary)]] += 1;
    bucket.maxMs = Math.max(bucket.maxMs, summary.durationMs);
  }
  return { from, to: from + count * bucketMs, bucketMs, buckets, total: matches.length };
}

/**
 * The narrowest round width whose aligned slices, at most `maxBuckets` of them, cover the span;
 * past a week a whole number of weeks, however far apart the dates (an import dated in the year
 * 60000 asked for millions of week-wide slices).
 */
function sliceWidth(span: { from: number; to: number }, maxBuckets: number): number {
  const fits = (step: number) => Math.ceil((span.to - alignDown(span.from, step)) / step) <= maxBuckets;
  // Aligning moves the start back by less than one slice: one slice of room covers it.
  const weeks = Math.ceil((span.to - span.from) / Math.max(1, maxBuckets - 1) / WEEK);
  return STEPS.find(fits) ?? Math.max(1, weeks) * WEEK;
}

/** Shortest window drawn: a few deliveries just now show as a burst at the right, not one wide bar. */
const MIN_SPAN = MINUTE;

/**
 * The window to draw when the query does not fix both ends: up to now (or the newest match, if
 * later), back to the oldest match, and at least MIN_SPAN wide.
 */
function spanOf(
  matches: Entry[],
  window: { from: number | null; to: number | null },
  now: number,
): { from: number; to: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const { summary } of matches) {
    first = Math.min(first, summary.receivedAt);
    last = Math.max(last, summary.receivedAt);
  }
  const to = window.to ?? Math.max(now, last + 1);
  const from = window.from ?? Math.min(first, to - MIN_SPAN);
  return { from, to: Math.max(to, from + 1) };
}

/** Slices start on round local times (a minute, an hour, midnight). */
function alignDown(time: number, step: number): number {
  // Beyond the dates a Date can hold there is no local time: align in UTC.
  const offset = -new Date(time).getTimezoneOffset() * MINUTE || 0;
  return Math.floor((time + offset) / step) * step - offset;
}
