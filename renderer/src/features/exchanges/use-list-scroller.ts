import { useEffect, useLayoutEffect, useRef } from 'react';
import { ROW_HEIGHT } from './exchange-row';

/**
 * The list's scroll container and the two things it does on its own:
 * - new exchanges are inserted at the top; a user at the top keeps seeing the newest, a user
 *   who scrolled down keeps their rows in place (the offset grows by the inserted height
 *   before paint), so nothing jumps while traffic streams in;
 * - the selected row (moved with the keyboard) stays inside the viewport.
 */
export function useListScroller(order: string[], selectedId: string | null) {
  const scroller = useRef<HTMLDivElement>(null);
  const newest = useRef<string | undefined>(undefined);

  useLayoutEffect(() => {
    const previous = newest.current;
    newest.current = order.at(-1);
    const element = scroller.current;
    if (!element || previous === undefined || element.scrollTop === 0) return;
    const index = order.lastIndexOf(previous);
    const inserted = index === -1 ? 0 : order.length - 1 - index;
    // The scroll event this causes updates the rendered window.
    if (inserted > 0) element.scrollTop += inserted * ROW_HEIGHT;
  }, [order]);

  const orderRef = useRef(order);
  useLayoutEffect(() => {
    orderRef.current = order;
  }, [order]);

  useEffect(() => {
    const element = scroller.current;
    const ids = orderRef.current;
    if (!element || selectedId === null) return;
    const top = (ids.length - 1 - ids.lastIndexOf(selectedId)) * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    }
  }, [selectedId]);

  return scroller;
}
