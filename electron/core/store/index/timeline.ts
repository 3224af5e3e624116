import type { Timeline, TimelineBucket } from '../../../../shared/model/timeline';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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
  7 * DAY,
];

/** Shortest window drawn: a few deliveries just now show as a burst at the right, not one wide bar. */
const MIN_SPAN = MINUTE;

/** accepted, rejected, failed, timed out, other (RESULTS order), and the slowest answer in ms. */
export type BucketCounts = [number, number, number, number, number, number];

/**
 * The window to draw: the query's own time range when it has both ends (so dragging zooms in),
 * otherwise up to now (or the newest match, if later), back to the oldest match, and at least
 * MIN_SPAN wide.
 */
export function timelineSpan(
  window: { from: number | null; to: number | null },
  matches: { first: number | null; last: number | null },
  now: number,
): { from: number; to: number } {
  if (window.from !== null && window.to !== null)
    return { from: window.from, to: Math.max(window.to, window.from + 1) };
  const to = window.to ?? Math.max(now, (matches.last ?? -Infinity) + 1);
  const from = window.from ?? Math.min(matches.first ?? Infinity, to - MIN_SPAN);
  return { from, to: Math.max(to, from + 1) };
}

/**
 * Count per slice over the span, never more than `maxBuckets` slices whatever the dates: past
 * the widest round step, slices widen to fit (an imported exchange dated in the year 60000
 * must not ask for millions of them).
 */
export function timelineBuckets(
  span: { from: number; to: number },
  options: { maxBuckets: number; total: number },
  countSlice: (from: number, to: number) => BucketCounts,
): Timeline {
  const width = span.to - span.from;
  const bucketMs =
    STEPS.find((step) => width / step <= options.maxBuckets - 1) ??
    Math.ceil(width / (options.maxBuckets - 1) / DAY) * DAY;
  const from = alignDown(span.from, bucketMs);
  const count = Math.min(options.maxBuckets, Math.max(1, Math.ceil((span.to - from) / bucketMs)));
  const buckets: TimelineBucket[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = from + i * bucketMs;
    const end = Math.min(start + bucketMs, span.to);
    const [accepted, rejected, failed, timedOut, other, maxMs] = countSlice(Math.max(start, span.from), end);
    buckets.push({ start, accepted, rejected, failed, timedOut, other, maxMs });
  }
  return { from, to: from + count * bucketMs, bucketMs, buckets, total: options.total };
}

/** Slices start on round local times (a minute, an hour, midnight); in UTC beyond the dates a Date holds. */
function alignDown(time: number, step: number): number {
  const zone = new Date(time).getTimezoneOffset();
  const offset = Number.isNaN(zone) ? 0 : -zone * MINUTE;
  return Math.floor((time + offset) / step) * step - offset;
}
