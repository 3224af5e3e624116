import type { Bridge } from '../bridge/bridge';
import type { AppStore } from './create-app-store';
import { matchingIds } from './live-match';

/**
 * Keeps `selectedHidden` true while the exchange the detail pane shows is not among the
 * query's matches. The list holds only the rows in view, so only the engine can say whether one
 * it does not hold matches: it is asked when the query or the exchange shown changes, and an
 * answer overtaken by a later change is dropped.
 */
export function watchSelectionVisibility(store: AppStore, bridge: Bridge): () => void {
  let asked = 0;
  const check = async (queryChanged: boolean) => {
    const ticket = ++asked;
    const { selectedId, query, window } = store.getState();
    // Before a new query's rows are read, the window still holds the old query's rows.
    const listed = !queryChanged && selectedId !== null && window.includes(selectedId);
    if (selectedId === null || query === '' || listed) {
      store.getState().setSelectedHidden(false);
      return;
    }
    const matches = await matchingIds(bridge, query, [selectedId]);
    const now = store.getState();
    if (ticket !== asked || now.selectedId !== selectedId || now.query !== query || matches === null) return;
    now.setSelectedHidden(!matches.has(selectedId));
  };
  return store.subscribe((state, previous) => {
    if (state.query !== previous.query) void check(true);
    else if (state.selectedId !== previous.selectedId) void check(false);
    // A change that made it match brings it into the list.
    else if (state.selectedHidden && state.window !== previous.window && state.selectedId !== null) {
      if (state.window.includes(state.selectedId)) state.setSelectedHidden(false);
    }
  });
}
