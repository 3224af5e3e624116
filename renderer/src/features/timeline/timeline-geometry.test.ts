import { describe, expect, it } from 'vitest';
import type { Timeline, TimelineBucket } from '../../../../shared/model/timeline';
import { labelGutter, layoutTimeline, PARTS, perSlice } from './timeline-geometry';

const bucket = (start: number, counts: Partial<TimelineBucket> = {}): TimelineBucket => ({
  start,
  accepted: 0,
  rejected: 0,
  failed: 0,
  timedOut: 0,
  other: 0,
  maxMs: 0,
  ...counts,
});

const timeline: Timeline = {
  from: 0,
  to: 240_000,
  bucketMs: 60_000,
  total: 7,
  buckets: [
    bucket(0, { accepted: 4, failed: 1, maxMs: 12 }),
    bucket(60_000),
    bucket(120_000, { timedOut: 2, maxMs: 3400 }),
    bucket(180_000),
  ],
};
const bands = { width: 400, left: 0, barsHeight: 40, latencyTop: 44, latencyHeight: 20 };

describe('layoutTimeline', () => {
  it('stacks bars by outcome, scaled to the busiest slice', () => {
    const { bars } = layoutTimeline(timeline, bands);
    expect(bars.map((bar) => bar.x)).toEqual([0, 100, 200, 300]);
    expect(bars[0]?.rects.map((r) => r.field)).toEqual(['accepted', 'failed']);
    const first = bars[0]!.rects;
    expect(first[0]!.y + first[0]!.height).toBe(40);
    expect(first[1]!.y).toBeCloseTo(2, 5);
    expect(bars[1]?.rects).toEqual([]);
  });

  it("draws the slowest answers on a log scale against Okta's 3-second line", () => {
    const { latency, thresholdY } = layoutTimeline(timeline, bands);
    expect(latency).toHaveLength(2);
    expect(latency[0]?.over).toBe(false);
    expect(latency[1]?.over).toBe(true);
    expect(latency[1]!.y).toBeLessThan(thresholdY);
    expect(latency[0]!.y).toBeGreaterThan(thresholdY);
  });

  it('maps between pixels and time both ways, clamped to the strip', () => {
    const { timeAt, xOf } = layoutTimeline(timeline, bands);
    expect(timeAt(xOf(90_000))).toBe(90_000);
    expect(timeAt(-20)).toBe(0);
    expect(timeAt(999)).toBe(240_000);
  });

  it('leaves the gutter before `left` to the axis labels', () => {
    const { bars, latency, timeAt, xOf } = layoutTimeline(timeline, { ...bands, left: 40 });
    expect(bars.map((bar) => bar.x)).toEqual([40, 130, 220, 310]);
    expect(Math.min(...latency.map((tick) => tick.x))).toBeGreaterThanOrEqual(40);
    expect(timeAt(10)).toBe(0);
    expect(timeAt(xOf(90_000))).toBe(90_000);
    expect(labelGutter(['1,204', '3 s'])).toBeGreaterThan(labelGutter(['3 s']));
  });

  it('names the slice width', () => {
    expect([1000, 60_000, 300_000, 3_600_000, 21_600_000].map(perSlice)).toEqual([
      'per 1 s',
      'per minute',
      'per 5 min',
      'per hour',
      'per 6 h',
    ]);
  });
});

describe('the two scales', () => {
  it('keeps the 3 s line and every answer tick in the latency lane, apart from the count bars', () => {
    const strip = { width: 400, left: 0, barsHeight: 34, latencyTop: 42, latencyHeight: 20 };
    const layout = layoutTimeline(timeline, strip);
    const lane = [strip.latencyTop, strip.latencyTop + strip.latencyHeight];
    for (const y of [layout.thresholdY, ...layout.latency.map((tick) => tick.y)]) {
      expect(y).toBeGreaterThanOrEqual(lane[0]!);
      expect(y).toBeLessThanOrEqual(lane[1]!);
    }
    const lowest = Math.max(...layout.bars.flatMap((bar) => bar.rects.map((r) => r.y + r.height)));
    expect(lowest).toBeLessThanOrEqual(strip.barsHeight);
  });

  it('names what the bars count: requests, verifications apart from deliveries', () => {
    expect(PARTS.map((part) => part.label)).toEqual([
      'accepted',
      'rejected',
      'failed',
      'timed out',
      'verification/other',
    ]);
  });
});
