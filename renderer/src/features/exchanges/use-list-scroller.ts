import { useEffect, useLayoutEffect, useRef } from 'react';
import { useAppStore, useEngine } from '../../store/store-context';
import { selectRevealing, selectSelectedId, selectShifted } from '../../store/selectors';
import { ROW_HEIGHT } from './exchange-row';
import { layoutRows } from './virtual-rows';

/**
 * The list's scroll container and the things it does on its own:
 * - new exchanges go in at the top; a user at the top keeps seeing the newest, a user who
 *   scrolled down keeps their rows in place (the offset grows by the rows put in above, before
 *   paint), so nothing jumps while traffic streams in;
 * - a position asked for (a keyboard move) and the selected row are brought into view.
 * Past 500,000 rows one px of `scrollTop` is more than one px of list, so scroll positions are
 * always computed by `layoutRows` (why the list does not use a virtual-list library:
 * docs/list-scroller.md).
 */
export function useListScroller(total: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const shifted = useAppStore(selectShifted);
  const revealing = useAppStore(selectRevealing);
  const selectedId = useAppStore(selectSelectedId);
  const { store } = useEngine();
  const seen = useRef(shifted);
  const totalRef = useRef(total);

  useLayoutEffect(() => {
    const inserted = shifted - seen.current;
    seen.current = shifted;
    const element = scroller.current;
    if (!element || inserted <= 0 || element.scrollTop === 0) return;
    const layout = layoutRows(totalRef.current, ROW_HEIGHT, element.scrollTop, element.clientHeight);
    // The row at the top of the view moves down by `inserted`; keep it where it was on screen.
    // The scroll event this causes updates the rendered rows.
    const offset = layout.top(layout.first) - element.scrollTop;
    element.scrollTop = layout.scrollFor(layout.first + inserted, offset);
  }, [shifted]);

  useLayoutEffect(() => {
    totalRef.current = total;
  }, [total]);

  const bringIntoView = (position: number) => {
    const element = scroller.current;
    if (!element) return;
    const layout = layoutRows(totalRef.current, ROW_HEIGHT, element.scrollTop, element.clientHeight);
    if (position < layout.first + 1) element.scrollTop = layout.scrollFor(position);
    else if (position >= layout.last - 1) {
      element.scrollTop = layout.scrollFor(position, element.clientHeight - ROW_HEIGHT);
    }
  };

  useEffect(() => {
    if (revealing) bringIntoView(revealing.position);
  }, [revealing]);

  useEffect(() => {
    if (selectedId === null) return;
    const position = store.getState().positionOf(selectedId);
    if (position !== null) bringIntoView(position);
  }, [selectedId, store]);

  return scroller;
}
