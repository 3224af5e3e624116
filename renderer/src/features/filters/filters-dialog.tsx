import { selectDialog } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { lazyPart } from '../../ui/lazy-part';

const FiltersPanel = lazyPart('Event hook filters', () =>
  import('./filters-panel').then((m) => m.FiltersPanel),
);

/**
 * Event hook filters: write one per event type, see which captured events Okta would have
 * sent, keep it for `filter:<name>` in the search, and set it on a hook of the connected org.
 */
export function FiltersDialog() {
  const open = useAppStore(selectDialog) === 'filters';
  return open ? <FiltersPanel /> : null;
}
