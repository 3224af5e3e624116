import { selectCompare } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';

/** While the user picks the second exchange to compare. */
export function CompareBanner() {
  const compare = useAppStore(selectCompare);
  const { store } = useEngine();
  if (compare === null || compare.b !== null) return null;
  return (
    <div className="banner banner--info" role="status" data-testid="compare-banner">
      Pick the exchange to compare with in the list.
      <button
        type="button"
        className="button button--small"
        onClick={() => store.getState().setCompare(null)}
      >
        Cancel
      </button>
    </div>
  );
}
