import { selectDialog } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { useDismiss } from '../../ui/use-dismiss';
import type { Shortcut } from './shortcuts';

/** Every shortcut, from the same list the keyboard uses (`?`). */
export function ShortcutSheet({ shortcuts }: { shortcuts: Shortcut[] }) {
  const open = useAppStore(selectDialog) === 'shortcuts';
  const { store } = useEngine();
  const panel = useDismiss<HTMLDivElement>(open, () => store.getState().openDialog(null));
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcut-sheet"
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {shortcuts.map((shortcut) => (
            <div className="shortcuts__row" key={shortcut.label}>
              <dt>
                {shortcut.label.split(' ').map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{shortcut.description}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">Click a row to open it; Shift-click picks a range, Ctrl/⌘-click one more.</p>
      </div>
    </div>
  );
}
