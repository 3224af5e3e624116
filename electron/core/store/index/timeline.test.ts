import { describe, expect, it } from 'vitest';
import { timelineBuckets, timelineSpan, type BucketCounts } from './timeline';

const NOW = Date.UTC(2026, 4, 1, 12);
const YEAR_60000 = Date.UTC(60_000, 0, 1);
/** The latest time a Date can hold. */
const MAX_DATE = 8.64e15;

/** The timeline of accepted deliveries received at these times, as the index would count them. */
function timeline(times: number[], window: { from: number | null; to: number | null }, maxBuckets: number) {
  const span = timelineSpan(window, { first: Math.min(...times), last: Math.max(...times) }, NOW);
  return timelineBuckets(span, { maxBuckets, total: times.length }, (from, to): BucketCounts => {
    const inSlice = times.filter((t) => t >= from && t < to);
    return [inSlice.length, 0, 0, 0, 0, 0];
  });
}

const counted = (buckets: { accepted: number }[]) => buckets.reduce((sum, b) => sum + b.accepted, 0);

describe('the timeline', () => {
  it.each([
    ['an exchange dated in the year 60000', [NOW - 1000, YEAR_60000], { from: null, to: null }],
    ['the latest date there is', [NOW, MAX_DATE - 1], { from: null, to: null }],
    ['the earliest date there is', [-MAX_DATE, NOW], { from: null, to: null }],
    ['a window from 1970 to the latest date', [NOW], { from: 0, to: MAX_DATE }],
  ])('draws at most the slices asked for, whatever the dates: %s', (_case, times, window) => {
    for (const maxBuckets of [10, 120, 1000]) {
      const drawn = timeline(times, window, maxBuckets);
      expect(drawn.buckets.length).toBeLessThanOrEqual(maxBuckets);
      expect(drawn.buckets.length).toBeGreaterThan(0);
      expect(drawn.to - drawn.from).toBe(drawn.buckets.length * drawn.bucketMs);
      if (window.from === null) expect(counted(drawn.buckets)).toBe(times.length);
    }
  });

  it('keeps round slice widths for ordinary spans', () => {
    const drawn = timeline([NOW - 60_000, NOW - 1000], { from: null, to: null }, 120);
    expect(drawn.bucketMs).toBe(1000);
    expect(counted(drawn.buckets)).toBe(2);
  });
});
