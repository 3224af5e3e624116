import { useEffect } from 'react';
import { moveSelection } from '../../store/commands';
import { useEngine } from '../../store/store-context';

/** Keys that belong to text fields and buttons are left alone. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

const MOVES: Record<string, number> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1, PageDown: 20, PageUp: -20 };

/** j/k and the arrow keys move through the list, newest first. */
export function useListKeyboard() {
  const { store, bridge } = useEngine();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (store.getState().settingsOpen) return;
      const delta = MOVES[event.key];
      if (delta === undefined) return;
      event.preventDefault();
      moveSelection(store, bridge, delta);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, bridge]);
}
