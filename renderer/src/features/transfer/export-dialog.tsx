import { selectDialog } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { lazyPart } from '../../ui/lazy-part';

const ExportForm = lazyPart('Export', () => import('./export-form').then((m) => m.ExportForm));

/** Export the selection, the filtered list or everything, as HAR or NDJSON, secrets masked by default. */
export function ExportDialog() {
  const open = useAppStore(selectDialog) === 'export';
  return open ? <ExportForm /> : null;
}
