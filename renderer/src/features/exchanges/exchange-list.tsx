import { useCallback, useEffect, useLayoutEffect, useState, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import { openExchange, pickRange } from '../../store/commands';
import {
  selectListCurrent,
  selectLoaded,
  selectQuery,
  selectSelectedId,
  selectTotal,
  selectWindow,
  selectWindowStart,
} from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { afterPaint } from '../../ui/after-paint';
import { EmptyState } from './empty-state';
import { ExchangeRow, ROW_HEIGHT } from './exchange-row';
import { ListFooter } from './list-footer';
import { useListScroller } from './use-list-scroller';
import { layoutRows } from './virtual-rows';

/** Rows drawn beyond those in view on each side, so that scrolling a little shows rows already drawn. */
const OVERSCAN = 12;

/**
 * No rows beyond the view until the list's first frame is on screen: below the view they were
 * more than a third of the elements that frame drew, and nobody scrolls before it is there.
 */
function useOverscan(hasRows: boolean): number {
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    if (hasRows) afterPaint(() => setOverscan(OVERSCAN));
  }, [hasRows]);
  return overscan;
}

function NoMatches() {
  const { store } = useEngine();
  return (
    <div className="empty" data-testid="no-matches">
      <h2>Nothing matches</h2>
      <p className="muted">No stored exchange matches the search and filters above.</p>
      <div>
        <button type="button" className="button" onClick={() => store.getState().setQuery('')}>
          Clear the search
        </button>
      </div>
    </div>
  );
}

/**
 * The list, newest first, virtualised: only the rows in view are in the DOM, and only they (and
 * a margin) are held; any other position is read from the engine when it scrolls into view, so
 * the oldest of a million rows is one drag away. The virtualisation is our own (`layoutRows`),
 * not a library's, so that a list taller than the browser's element height cap still reaches
 * its last row: docs/list-scroller.md.
 */
export function ExchangeList() {
  const window = useAppStore(selectWindow);
  const windowStart = useAppStore(selectWindowStart);
  const loaded = useAppStore(selectLoaded);
  const total = useAppStore(selectTotal);
  const query = useAppStore(selectQuery);
  const selectedId = useAppStore(selectSelectedId);
  const current = useAppStore(selectListCurrent);
  const { store, bridge } = useEngine();
  const scroller = useListScroller(total);
  const [view, setView] = useState({ top: 0, height: 600 });

  // The scroll container exists only once something is listed; observe it from then on.
  const hasRows = loaded && total > 0;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !hasRows) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasRows, scroller]);

  const overscan = useOverscan(hasRows);

  const layout = layoutRows(total, ROW_HEIGHT, view.top, view.height);
  const first = Math.max(0, layout.first - overscan);
  const last = Math.min(total, layout.last + overscan);
  useEffect(() => store.getState().setWanted(first, last), [store, first, last]);

  /** Plain click: this one; Shift: a range from the last one; Ctrl/⌘: one more (or one less). */
  const onPick = useCallback(
    (id: string, event: MouseEvent) => {
      const state = store.getState();
      const position = state.positionOf(id);
      if (event.shiftKey && position !== null) void pickRange(store, bridge, position);
      else if (event.ctrlKey || event.metaKey) state.togglePicked(id);
      else state.pickOnly(id);
      void openExchange(store, bridge, id);
    },
    [store, bridge],
  );

  if (!loaded)
    return (
      <div className="list list--loading" data-testid="exchange-list" role="status">
        Opening history…
      </div>
    );
  if (total === 0 && !current)
    return (
      <div className="list list--loading" data-testid="exchange-list" role="status">
        Searching…
      </div>
    );
  if (total === 0) return query === '' ? <EmptyState /> : <NoMatches />;

  const rows = [];
  for (let position = first; position < last; position += 1) {
    const id = window[position - windowStart];
    const top = layout.top(position);
    rows.push(
      id === undefined ? (
        <div
          key={`pending-${position}`}
          className="row row--pending"
          style={{ transform: `translateY(${top}px)` }}
        />
      ) : (
        <ExchangeRow
          key={id}
          id={id}
          position={position}
          top={top}
          selected={id === selectedId}
          onPick={onPick}
        />
      ),
    );
  }
  return (
    <div
      className="list"
      data-testid="exchange-list"
      role="grid"
      aria-multiselectable="true"
      aria-rowcount={total}
      aria-busy={!current}
    >
      <div className="list__header" role="row">
        <span className="cell cell--pin" aria-label="Pinned" />
        <span className="cell cell--time">Time</span>
        <span className="cell cell--method">Method</span>
        <span className="cell cell--status">Status</span>
        <span className="cell cell--events">Okta events</span>
        <span className="cell cell--outcome">Okta next</span>
        <span className="cell cell--auth">Auth</span>
        <span className="cell cell--duration">Duration</span>
      </div>
      <div
        className="list__scroller"
        ref={scroller}
        onScroll={(event) => {
          const { scrollTop, clientHeight } = event.currentTarget;
          // Rendered before the browser paints the scrolled frame: a fast wheel otherwise shows
          // blank frames where rows were not drawn yet (docs/list-scroller.md).
          flushSync(() => setView({ top: scrollTop, height: clientHeight }));
        }}
      >
        <div className="list__canvas" style={{ height: layout.canvas }}>
          {rows}
        </div>
      </div>
      <ListFooter />
    </div>
  );
}
