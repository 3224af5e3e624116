import type { Timeline, TimelineBucket } from '../../../../shared/model/timeline';
import { OKTA_TIMEOUT_MS } from '../../../../shared/okta/headers';

/**
 * The stacked parts of a bar, bottom first, and the CSS class each is drawn with. The first four
 * are how deliveries (and inline calls) ended; verifications are requests, not deliveries.
 */
export const PARTS = [
  { field: 'accepted', label: 'accepted' },
  { field: 'rejected', label: 'rejected' },
  { field: 'failed', label: 'failed' },
  { field: 'timedOut', label: 'timed out' },
  { field: 'other', label: 'verification/other' },
] as const satisfies readonly { field: keyof TimelineBucket; label: string }[];

export type PartField = (typeof PARTS)[number]['field'];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  field: PartField;
}

export interface Layout {
  bars: { bucket: TimelineBucket; rects: Rect[]; x: number; width: number }[];
  /** The slowest answer per non-empty slice (a tick across it), log scale; `over` Okta's budget. */
  latency: { x: number; width: number; y: number; over: boolean }[];
  thresholdY: number;
  xOf: (time: number) => number;
  timeAt: (x: number) => number;
}

export interface Bands {
  width: number;
  /** Where the plot starts: the axis labels have the strip's left edge to themselves. */
  left: number;
  barsHeight: number;
  /** Top and height of the response-time band, under the bars. */
  latencyTop: number;
  latencyHeight: number;
}

/** Response times are drawn from 1 ms to 10 s on a log scale: both 2 ms and 3 s are readable. */
const MIN_MS = 1;
const MAX_MS = 10_000;

export function layoutTimeline(timeline: Timeline, bands: Bands): Layout {
  const span = Math.max(1, timeline.to - timeline.from);
  const plotWidth = Math.max(1, bands.width - bands.left);
  const xOf = (time: number) => bands.left + ((time - timeline.from) / span) * plotWidth;
  const timeAt = (x: number) =>
    timeline.from + ((Math.min(Math.max(x, bands.left), bands.width) - bands.left) / plotWidth) * span;
  const slot = (timeline.bucketMs / span) * plotWidth;
  const gap = slot > 4 ? 1 : 0;
  const tallest = busiest(timeline);
  const logY = (ms: number) => {
    const share =
      (Math.log10(Math.min(MAX_MS, Math.max(MIN_MS, ms))) - Math.log10(MIN_MS)) / Math.log10(MAX_MS / MIN_MS);
    return bands.latencyTop + bands.latencyHeight * (1 - share);
  };
  const bars = timeline.buckets.map((bucket) => {
    const x = xOf(bucket.start);
    let top = bands.barsHeight;
    const rects: Rect[] = [];
    for (const { field } of PARTS) {
      const height = (bucket[field] / tallest) * (bands.barsHeight - 2);
      if (height <= 0) continue;
      top -= height;
      rects.push({ x: x + gap / 2, y: top, width: Math.max(1, slot - gap), height, field });
    }
    return { bucket, rects, x, width: slot };
  });
  const latency = timeline.buckets
    .filter((bucket) => total(bucket) > 0)
    .map((bucket) => ({
      x: xOf(bucket.start) + gap / 2,
      width: Math.max(2, slot - gap),
      y: logY(bucket.maxMs),
      over: bucket.maxMs > OKTA_TIMEOUT_MS,
    }));
  return { bars, latency, thresholdY: logY(OKTA_TIMEOUT_MS), xOf, timeAt };
}

/** Pixels per character of an axis label, a little over a digit's width at the labels' 10 px. */
const LABEL_CHAR_PX = 6.5;

/** The gutter that holds these labels, right-aligned, with a few pixels before the plot. */
export const labelGutter = (labels: string[]): number =>
  Math.ceil(8 + LABEL_CHAR_PX * Math.max(0, ...labels.map((label) => label.length)));

export const total = (bucket: TimelineBucket) => PARTS.reduce((sum, { field }) => sum + bucket[field], 0);

/** Exchanges in the busiest slice: what a full-height bar stands for. */
export const busiest = (timeline: Timeline) => Math.max(1, ...timeline.buckets.map(total));

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "per minute", "per 5 s", "per 6 h": the slice width in words. */
export function perSlice(bucketMs: number): string {
  if (bucketMs === MINUTE) return 'per minute';
  if (bucketMs === HOUR) return 'per hour';
  if (bucketMs === DAY) return 'per day';
  if (bucketMs < MINUTE) return `per ${bucketMs / SECOND} s`;
  if (bucketMs < HOUR) return `per ${bucketMs / MINUTE} min`;
  if (bucketMs < DAY) return `per ${bucketMs / HOUR} h`;
  return `per ${bucketMs / DAY} days`;
}
