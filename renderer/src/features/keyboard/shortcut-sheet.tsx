import { selectDialog } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { Modal } from '../../ui/modal';
import type { Shortcut } from './shortcuts';

/** Every shortcut, from the same list the keyboard uses (`?`). */
export function ShortcutSheet({ shortcuts }: { shortcuts: Shortcut[] }) {
  const open = useAppStore(selectDialog) === 'shortcuts';
  const { store } = useEngine();
  if (!open) return null;
  return (
    <Modal
      title="Keyboard shortcuts"
      testId="shortcut-sheet"
      onClose={() => store.getState().openDialog(null)}
    >
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
    </Modal>
  );
}
