import { useCallback, useLayoutEffect, useState } from 'react';
import { loadOlder, openExchange } from '../../store/commands';
import { selectLoaded, selectOrder, selectSelectedId, selectTotal } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { EmptyState } from './empty-state';
import { ExchangeRow, ROW_HEIGHT } from './exchange-row';
import { useListScroller } from './use-list-scroller';

const OVERSCAN = 12;

/** The live list, newest first, virtualised: only the rows in view are in the DOM. */
export function ExchangeList() {
  const order = useAppStore(selectOrder);
  const loaded = useAppStore(selectLoaded);
  const total = useAppStore(selectTotal);
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
  const onOpen = useCallback((id: string) => void openExchange(store, bridge, id), [store, bridge]);

  if (!loaded) return <div className="list list--loading" data-testid="exchange-list" />;
  if (order.length === 0) return <EmptyState />;

  const count = order.length;
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let index = first; index < last; index += 1) {
    const id = order[count - 1 - index];
    if (id !== undefined) {
      rows.push(<ExchangeRow key={id} id={id} index={index} selected={id === selectedId} onOpen={onOpen} />);
    }
  }
  return (
    <div className="list" data-testid="exchange-list" role="grid" aria-rowcount={total}>
      <div className="list__header" role="row">
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
      <div className="list__footer" data-testid="list-count">
        {count === total ? `${total} exchanges` : `${count} of ${total} exchanges loaded`}
      </div>
    </div>
  );
}
