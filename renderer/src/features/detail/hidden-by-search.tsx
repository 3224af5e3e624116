import { useAppStore, useEngine } from '../../store/store-context';
import type { AppState } from '../../store/create-app-store';

const selectSelectedHidden = (state: AppState) => state.selectedHidden;

/**
 * Over the detail of an exchange the search leaves out of the list: the pane keeps it (the user
 * may still be reading it) but says why no row is highlighted, and offers the way back to it.
 */
export function HiddenBySearch() {
  const hidden = useAppStore(selectSelectedHidden);
  const { store } = useEngine();
  if (!hidden) return null;
  return (
    <div className="detail__hidden" role="status" data-testid="detail-hidden">
      <span>
        <strong>The search hides this exchange:</strong> it is not in the list.
      </span>
      <button type="button" className="button button--small" onClick={() => store.getState().setQuery('')}>
        Clear the search
      </button>
      <button type="button" className="button button--small" onClick={() => store.getState().select(null)}>
        Close
      </button>
    </div>
  );
}
