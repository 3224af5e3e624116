import type { Bridge } from '../../bridge/bridge';
import { moveCursor, openExchange } from '../../store/commands';
import { confirmDelete, replayPicked, togglePinPicked } from '../../store/bulk-commands';
import type { AppStore } from '../../store/create-app-store';
import { copyAsCurl } from '../actions/copy-curl';

export interface Shortcut {
  /** As `keyCombo` writes them: `j`, `Shift+ArrowDown`, `Mod+a` (Ctrl, or ⌘ on a Mac). */
  keys: string[];
  /** What the sheet shows for the keys. */
  label: string;
  description: string;
  /** Gets the combo pressed, for shortcuts with several keys that differ (up or down). */
  run(combo: string): void;
}

export interface ShortcutContext {
  store: AppStore;
  bridge: Bridge;
  focusSearch(): void;
}

/** One way to write what was pressed, so shortcuts are matched by equality. */
export function keyCombo(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): string {
  const printable = event.key.length === 1;
  const letter = /^[a-z]$/i.test(event.key);
  // `?` and `/` are told apart by the key itself; Shift matters for letters and named keys.
  const shift = event.shiftKey && (letter || !printable);
  return [
    event.ctrlKey || event.metaKey ? 'Mod' : '',
    shift ? 'Shift' : '',
    printable ? event.key.toLowerCase() : event.key,
  ]
    .filter(Boolean)
    .join('+');
}

/** Every shortcut, in the order the sheet lists them. */
export function listShortcuts(context: ShortcutContext): Shortcut[] {
  const { store, bridge } = context;
  const state = () => store.getState();
  const move = (combo: string) =>
    void moveCursor(store, bridge, MOVES[combo] ?? 0, combo.startsWith('Shift+'));
  const shortcuts: Shortcut[] = [
    { keys: ['j', 'ArrowDown'], label: 'j ↓', description: 'Next (older) exchange', run: move },
    { keys: ['k', 'ArrowUp'], label: 'k ↑', description: 'Previous (newer) exchange', run: move },
    {
      keys: ['Shift+j', 'Shift+ArrowDown', 'Shift+k', 'Shift+ArrowUp'],
      label: '⇧ j k',
      description: 'Extend the selection',
      run: move,
    },
    { keys: ['PageDown', 'PageUp'], label: 'PgDn PgUp', description: 'Move 20 rows', run: move },
    {
      keys: ['Enter'],
      label: 'Enter',
      description: 'Open the exchange under the cursor',
      run: () => {
        const id = state().cursorId;
        if (id !== null) void openExchange(store, bridge, id);
      },
    },
    { keys: ['/'], label: '/', description: 'Search', run: () => context.focusSearch() },
    {
      keys: ['Mod+a'],
      label: 'Ctrl/⌘ A',
      description: 'Select everything that matches',
      run: () => state().pickAllMatching(),
    },
    {
      keys: ['p'],
      label: 'p',
      description: 'Pin or unpin the selection',
      run: () => void togglePinPicked(store, bridge),
    },
    {
      keys: ['Delete', 'Backspace'],
      label: 'Delete',
      description: 'Delete the selection',
      run: () => void confirmDelete(store, bridge),
    },
    { keys: ['r'], label: 'r', description: 'Replay the selection…', run: () => replayPicked(store) },
    { keys: ['c'], label: 'c', description: 'Copy as cURL', run: () => void copyAsCurl(store, bridge) },
    { keys: ['e'], label: 'e', description: 'Export…', run: () => state().openDialog('export') },
    {
      keys: ['Mod+\\'],
      label: 'Ctrl/⌘ \\',
      description: 'Show or hide the detail pane',
      run: () => state().toggleDetail(),
    },
    {
      keys: ['Escape'],
      label: 'Esc',
      description: 'Close, cancel a compare pick, clear the selection, then the detail',
      run: () => escape(store),
    },
    { keys: ['?'], label: '?', description: 'This list', run: () => state().openDialog('shortcuts') },
  ];
  return shortcuts;
}

/** Rows to move for each moving combo (newest first, so down is older). */
const MOVES: Record<string, number> = {
  j: 1,
  ArrowDown: 1,
  k: -1,
  ArrowUp: -1,
  'Shift+j': 1,
  'Shift+ArrowDown': 1,
  'Shift+k': -1,
  'Shift+ArrowUp': -1,
  PageDown: 20,
  PageUp: -20,
};

/** Esc steps back one level at a time. */
function escape(store: AppStore): void {
  const state = store.getState();
  if (state.dialog !== null) state.openDialog(null);
  else if (state.compare?.b === null) state.setCompare(null);
  else if (state.allMatching || state.picked.size > 1) state.clearPicked();
  else state.select(null);
}
