import { useEffect, useMemo } from 'react';
import { useEngine } from '../../store/store-context';
import { runMenuAction } from './menu-actions';
import { keyCombo, listShortcuts, type Shortcut, type ShortcutContext } from './shortcuts';

/** Keys that belong to text fields, and Enter and Space on a button or link, are left alone (Esc aside). */
const ownsKey = (target: EventTarget | null, combo: string) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
    (/^(BUTTON|A)$/.test(target.tagName) && (combo === 'Enter' || combo === ' ')));

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
      if (combo !== 'Escape' && ownsKey(event.target, combo)) return;
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
