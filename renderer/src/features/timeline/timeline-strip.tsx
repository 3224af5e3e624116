import { useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import type { Timeline } from '../../../../shared/model/timeline';
import { clearTimeWindow, setTimeWindow } from '../../../../shared/query/query-edit';
import { parseQuery } from '../../../../shared/query/query-parser';
import { selectQuery, selectTimeline, selectTimelineCurrent } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { formatClock, formatCount, formatDuration, formatRange } from '../../ui/format';
import {
  busiest,
  labelGutter,
  layoutTimeline,
  PARTS,
  perSlice,
  total,
  type Bands,
  type Layout,
} from './timeline-geometry';

const HEIGHT = 64;
/** Counts on top, the slowest answer in a lane of its own under them: two scales, never one axis. */
const bandsFor = (width: number, left: number): Bands => ({
  width,
  left,
  barsHeight: 34,
  latencyTop: 42,
  latencyHeight: 20,
});
const LIMIT_LABEL = '3 s';
/** Half a 10 px label's height: the 3 s label stays inside the latency lane, by its line. */
const LABEL_HALF_PX = 6;

/** A click (not a drag) under this many pixels picks the slice under the pointer. */
const CLICK_PX = 4;

function describeSlice(layout: Layout['bars'][number], bucketMs: number): string {
  const { bucket } = layout;
  const counts = PARTS.filter(({ field }) => bucket[field] > 0).map(
    ({ field, label }) => `${bucket[field]} ${label}`,
  );
  const when = `${formatClock(bucket.start).slice(0, 8)}–${formatClock(bucket.start + bucketMs).slice(0, 8)}`;
  if (counts.length === 0) return `${when}: nothing`;
  return `${when}: ${counts.join(', ')}; slowest answer ${formatDuration(bucket.maxMs)}`;
}

/**
 * Dragging picks a window, a click the slice under the pointer; `onWindow` gets it in epoch ms,
 * widened to whole seconds (the syntax's precision) so nothing at the edges is left out.
 */
function useBrush(layout: Layout, bucketMs: number, onWindow: (from: number, to: number) => void) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const xIn = (event: PointerEvent<SVGSVGElement>) =>
    event.clientX - event.currentTarget.getBoundingClientRect().left;
  const finish = (x: number) => {
    if (!drag) return;
    const [low, high] = drag.from < x ? [drag.from, x] : [x, drag.from];
    setDrag(null);
    if (high - low >= CLICK_PX) {
      onWindow(Math.floor(layout.timeAt(low) / 1000) * 1000, Math.ceil(layout.timeAt(high) / 1000) * 1000);
      return;
    }
    const bar = layout.bars.find((b) => x >= b.x && x < b.x + b.width);
    if (bar && total(bar.bucket) > 0) onWindow(bar.bucket.start, bar.bucket.start + bucketMs);
  };
  return {
    drag,
    handlers: {
      onPointerDown: (event: PointerEvent<SVGSVGElement>) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        setDrag({ from: xIn(event), to: xIn(event) });
      },
      onPointerMove: (event: PointerEvent<SVGSVGElement>) => drag && setDrag({ ...drag, to: xIn(event) }),
      onPointerUp: (event: PointerEvent<SVGSVGElement>) => finish(xIn(event)),
    },
  };
}

function Plot(props: { timeline: Timeline; width: number; onWindow: (from: number, to: number) => void }) {
  const { timeline, width } = props;
  const countLabel = formatCount(busiest(timeline));
  // The labels get their own gutter: bars at the strip's start never run under them.
  const bands = bandsFor(width, labelGutter([countLabel, LIMIT_LABEL]));
  const layout = layoutTimeline(timeline, bands);
  const labelX = bands.left - 4;
  const { drag, handlers } = useBrush(layout, timeline.bucketMs, props.onWindow);
  return (
    <svg
      className="timeline__svg"
      width={width}
      height={HEIGHT}
      role="img"
      aria-label="Requests over time by how each delivery ended, and under them, on a scale of its own, the slowest answer against Okta's 3-second limit. Drag to filter."
      {...handlers}
      data-testid="timeline-plot"
    >
      {layout.bars.map((bar) => (
        <g key={bar.bucket.start}>
          <title>{describeSlice(bar, timeline.bucketMs)}</title>
          <rect className="tl-hit" x={bar.x} y={0} width={bar.width} height={HEIGHT} />
          {bar.rects.map((rect) => (
            <rect
              key={rect.field}
              className={`tl-bar tl-bar--${rect.field}`}
              x={rect.x}
              y={rect.y}
              width={rect.width}
              height={rect.height}
            />
          ))}
        </g>
      ))}
      <line
        className="tl-axis"
        x1={bands.left}
        x2={width}
        y1={bands.barsHeight + 0.5}
        y2={bands.barsHeight + 0.5}
      />
      <rect
        className="tl-lane"
        x={bands.left}
        y={bands.latencyTop}
        width={Math.max(0, width - bands.left)}
        height={bands.latencyHeight}
        data-testid="timeline-latency-lane"
      />
      <line className="tl-limit" x1={bands.left} x2={width} y1={layout.thresholdY} y2={layout.thresholdY} />
      <text className="tl-label" x={labelX} y={2} dominantBaseline="hanging" data-testid="timeline-label">
        <title>{`Requests in the busiest slice: ${countLabel}`}</title>
        {countLabel}
      </text>
      <text
        className="tl-label tl-label--limit"
        x={labelX}
        y={Math.max(layout.thresholdY, bands.latencyTop + LABEL_HALF_PX)}
        dominantBaseline="middle"
        data-testid="timeline-label"
      >
        <title>
          The slowest answer per slice (log scale, 1 ms to 10 s) against Okta&apos;s 3-second limit
        </title>
        {LIMIT_LABEL}
      </text>
      {layout.latency.map((tick) => (
        <line
          key={tick.x}
          className={tick.over ? 'tl-latency tl-latency--over' : 'tl-latency'}
          x1={tick.x}
          x2={tick.x + tick.width}
          y1={tick.y}
          y2={tick.y}
        />
      ))}
      {drag && (
        <rect
          className="tl-brush"
          x={Math.min(drag.from, drag.to)}
          y={0}
          width={Math.abs(drag.to - drag.from)}
          height={HEIGHT}
        />
      )}
    </svg>
  );
}

function Head({
  timeline,
  zoomed,
  onShowAll,
}: {
  timeline: Timeline | null;
  zoomed: boolean;
  onShowAll: () => void;
}) {
  return (
    <header className="timeline__head">
      <span className="timeline__title">
        {timeline ? `Requests ${perSlice(timeline.bucketMs)}` : 'Requests'}
      </span>
      <ul className="timeline__legend" aria-label="Legend">
        {PARTS.map(({ field, label }) => (
          <li key={field}>
            <span className={`tl-swatch tl-bar--${field}`} />
            {label}
          </li>
        ))}
        <li>
          <span className="tl-swatch tl-swatch--line" />
          slowest answer (log scale)
        </li>
      </ul>
      {timeline && (
        <span className="timeline__range muted" data-testid="timeline-range">
          {formatRange(timeline.from, timeline.to)}
        </span>
      )}
      {zoomed && (
        <button
          type="button"
          className="button button--small"
          onClick={onShowAll}
          data-testid="timeline-reset"
        >
          Show all times
        </button>
      )}
    </header>
  );
}

/**
 * Above the list: matching requests per time slice, coloured by how each delivery ended
 * (verifications apart), and in a lane of its own, on its own scale, the slowest answer of each
 * slice against Okta's 3-second limit. Dragging across it (or
 * clicking a slice) narrows the list to that window, as after:/before: terms.
 */
export function TimelineStrip() {
  const timeline = useAppStore(selectTimeline);
  const query = useAppStore(selectQuery);
  const current = useAppStore(selectTimelineCurrent);
  const { store } = useEngine();
  const plot = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = plot.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const zoomed = parseQuery(query).terms.some((term) => term.key === 'after' || term.key === 'before');
  const setWindow = (from: number, to: number) =>
    store.getState().setQuery(setTimeWindow(store.getState().query, from, to));
  return (
    <section className="timeline" data-testid="timeline">
      <Head
        timeline={timeline}
        zoomed={zoomed}
        onShowAll={() => store.getState().setQuery(clearTimeWindow(query))}
      />
      <div className="timeline__plot" ref={plot} aria-busy={!current}>
        {(!timeline || timeline.total === 0) && (
          <p className="timeline__empty muted">
            {/* An earlier query's count is not this one's: no "nothing matches" until it is in. */}
            {!current ? 'Counting…' : query === '' ? 'Nothing to chart yet.' : 'Nothing matches here.'}
          </p>
        )}
        {timeline && timeline.total > 0 && width > 0 && (
          <Plot timeline={timeline} width={width} onWindow={setWindow} />
        )}
      </div>
    </section>
  );
}
