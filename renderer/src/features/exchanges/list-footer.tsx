import {
  selectListCurrent,
  selectPickedCount,
  selectQuery,
  selectStatus,
  selectTotal,
} from '../../store/selectors';
import type { AppState } from '../../store/create-app-store';
import { useAppStore, useEngine } from '../../store/store-context';
import { SelectionBar } from './selection-bar';
import { formatCount } from '../../ui/format';

const selectAllPicked = (state: AppState) => state.allMatching !== null;
const selectSearchPending = (state: AppState) => state.searchPending;

/** Counts under the list, or, once several rows are picked, what can be done with them. */
export function ListFooter() {
  const total = useAppStore(selectTotal);
  const query = useAppStore(selectQuery);
  const stored = useAppStore(selectStatus)?.storage.count;
  const picked = useAppStore(selectPickedCount);
  const allPicked = useAppStore(selectAllPicked);
  const searchPending = useAppStore(selectSearchPending);
  const current = useAppStore(selectListCurrent);
  const { store } = useEngine();
  if (picked > 1 || allPicked) return <SelectionBar />;
  // The rows held answer an earlier query until the new one's read is in: no count for them.
  const counted = !current
    ? 'Searching…'
    : query === '' || stored === undefined
      ? `${formatCount(total)} ${total === 1 ? 'exchange' : 'exchanges'}`
      : `${formatCount(total)} of ${formatCount(stored)} match`;
  return (
    <div className="list__footer" data-testid="list-count">
      <span>{counted}</span>
      {searchPending > 0 && (
        <span className="list__pending" data-testid="search-pending">
          {formatCount(searchPending)} more still being indexed for search
        </span>
      )}
      {total > 1 && (
        <button
          type="button"
          className="link-button"
          onClick={() => store.getState().pickAllMatching()}
          data-testid="select-all"
        >
          Select all {query === '' ? '' : 'matching'}
        </button>
      )}
    </div>
  );
}
