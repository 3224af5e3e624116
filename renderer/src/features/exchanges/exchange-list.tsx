import { useCallback, useLayoutEffect, useState, type MouseEvent } from 'react';
import { loadOlder, openExchange } from '../../store/commands';
import { selectLoaded, selectOrder, selectQuery, selectSelectedId, selectTotal } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { EmptyState } from './empty-state';
import { ExchangeRow, ROW_HEIGHT } from './exchange-row';
import { ListFooter } from './list-footer';
import { useListScroller } from './use-list-scroller';

const OVERSCAN = 12;

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

/** The list, newest first, virtualised: only the rows in view are in the DOM. */
export function ExchangeList() {
  const order = useAppStore(selectOrder);
  const loaded = useAppStore(selectLoaded);
  const total = useAppStore(selectTotal);
  const query = useAppStore(selectQuery);
  const selectedId = useAppStore(selectSelectedId);
  const { store, bridge } = useEngine();
  const scroller = useListScroller(order, selectedId);
  const [view, setView] = useState({ top: 0, height: 600 });

  // The scroll container exists only once something is listed; observe it from then on.
  const hasRows = loaded && order.length > 0;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !hasRows) return;
    const observer = new ResizeObserver(() => setView((v) => ({ ...v, height: element.clientHeight })));
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasRows, scroller]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    setView({ top: element.scrollTop, height: element.clientHeight });
    if (element.scrollTop + element.clientHeight > element.scrollHeight - ROW_HEIGHT * 20) {
      void loadOlder(store, bridge);
    }
  };
  /** Plain click: this one; Shift: a range from the last one; Ctrl/⌘: one more (or one less). */
  const onPick = useCallback(
    (id: string, event: MouseEvent) => {
      const state = store.getState();
      if (event.shiftKey) state.pickRange(id);
      else if (event.ctrlKey || event.metaKey) state.togglePicked(id);
      else state.pickOnly(id);
      void openExchange(store, bridge, id);
    },
    [store, bridge],
  );

  if (!loaded) return <div className="list list--loading" data-testid="exchange-list" />;
  if (order.length === 0) return query === '' ? <EmptyState /> : <NoMatches />;

  const count = order.length;
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let index = first; index < last; index += 1) {
    const id = order[count - 1 - index];
    if (id !== undefined) {
      rows.push(<ExchangeRow key={id} id={id} index={index} selected={id === selectedId} onPick={onPick} />);
    }
  }
  return (
    <div
      className="list"
      data-testid="exchange-list"
      role="grid"
      aria-multiselectable="true"
      aria-rowcount={total}
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
      <div className="list__scroller" ref={scroller} onScroll={onScroll}>
        <div className="list__canvas" style={{ height: count * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
      <ListFooter />
    </div>
  );
}
