import { describe, expect, it } from 'vitest';
import { makeSummary } from '../../../shared/testing/make-summary';
import type { Entry } from './store-index';
import { buildTimeline } from './timeline';

const NOW = Date.UTC(2026, 4, 1, 12);
const YEAR_60000 = Date.UTC(60_000, 0, 1);
/** The latest time a Date can hold. */
const MAX_DATE = 8.64e15;

const entries = (...times: number[]): Entry[] =>
  times.map((receivedAt, i) => ({ summary: makeSummary(i + 1, { receivedAt }) }) as Entry);

const counted = (buckets: { accepted: number }[]) => buckets.reduce((sum, b) => sum + b.accepted, 0);

describe('buildTimeline', () => {
  it.each([
    ['an exchange dated in the year 60000', entries(NOW - 1000, YEAR_60000), { from: null, to: null }],
    ['the latest date there is', entries(NOW, MAX_DATE - 1), { from: null, to: null }],
    ['the earliest date there is', entries(-MAX_DATE, NOW), { from: null, to: null }],
    ['a window from 1970 to the latest date', entries(NOW), { from: 0, to: MAX_DATE }],
  ])('draws at most the slices asked for, whatever the dates: %s', (_case, matches, window) => {
    for (const maxBuckets of [10, 120, 1000]) {
      const timeline = buildTimeline(matches, window, { maxBuckets, now: NOW });
      expect(timeline.buckets.length).toBeLessThanOrEqual(maxBuckets);
      expect(timeline.buckets.length).toBeGreaterThan(0);
      expect(timeline.to - timeline.from).toBe(timeline.buckets.length * timeline.bucketMs);
      if (window.from === null) expect(counted(timeline.buckets)).toBe(matches.length);
    }
  });

  it('keeps round slice widths for ordinary spans', () => {
    const timeline = buildTimeline(
      entries(NOW - 60_000, NOW - 1000),
      { from: null, to: null },
      {
        maxBuckets: 120,
        now: NOW,
      },
    );
    expect(timeline.bucketMs).toBe(1000);
    expect(counted(timeline.buckets)).toBe(2);
  });
});
