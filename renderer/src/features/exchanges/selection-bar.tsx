import { confirmDelete, pinPicked, replayPicked } from '../../store/bulk-commands';
import { selectPickedCount } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { formatCount } from '../../ui/format';

/** What can be done with the picked exchanges. */
export function SelectionBar() {
  const count = useAppStore(selectPickedCount);
  const { store, bridge } = useEngine();
  const remove = () => void confirmDelete(store, bridge);
  return (
    <div className="selection-bar" data-testid="selection-bar">
      <span data-testid="selection-count">{formatCount(count)} selected</span>
      <button
        type="button"
        className="button button--small"
        onClick={() => void pinPicked(store, bridge, true)}
        data-testid="pin-selected"
      >
        Pin
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => void pinPicked(store, bridge, false)}
        data-testid="unpin-selected"
      >
        Unpin
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => replayPicked(store)}
        data-testid="replay-selected"
      >
        Replay…
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => store.getState().openDialog('export')}
        data-testid="export-selected"
      >
        Export…
      </button>
      <button
        type="button"
        className="button button--small button--danger"
        onClick={remove}
        data-testid="delete-selected"
      >
        Delete
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => store.getState().clearPicked()}
        data-testid="clear-selection"
      >
        Clear selection
      </button>
    </div>
  );
}
