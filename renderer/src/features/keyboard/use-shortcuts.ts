import { useEffect, useMemo } from 'react';
import { useEngine } from '../../store/store-context';
import { runMenuAction } from './menu-actions';
import { keyCombo, listShortcuts, type Shortcut, type ShortcutContext } from './shortcuts';

/** Keys that belong to text fields and buttons are left alone (Esc aside). */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Shortcuts that still work while a dialog is open. */
const IN_DIALOGS = new Set(['Escape']);

/** The app's keyboard (one listener, the shortcuts of `listShortcuts`) and the desktop menu. */
export function useShortcuts(focusSearch: () => void): Shortcut[] {
  const { store, bridge } = useEngine();
  const shortcuts = useMemo(() => {
    const context: ShortcutContext = { store, bridge, focusSearch };
    return listShortcuts(context);
  }, [store, bridge, focusSearch]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.defaultPrevented) return;
      const combo = keyCombo(event);
      if (isTyping(event.target) && combo !== 'Escape') return;
      if (store.getState().dialog !== null && !IN_DIALOGS.has(combo)) return;
      const shortcut = shortcuts.find((candidate) => candidate.keys.includes(combo));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run(combo);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, shortcuts]);
  useEffect(
    () => bridge.on('menu.invoked', ({ action }) => runMenuAction(action, { store, bridge, focusSearch })),
    [store, bridge, focusSearch],
  );
  return shortcuts;
}
