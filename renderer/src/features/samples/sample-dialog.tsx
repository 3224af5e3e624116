import { selectDialog } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { lazyPart } from '../../ui/lazy-part';

const SampleForm = lazyPart('The test delivery', () => import('./sample-form').then((m) => m.SampleForm));

/**
 * Like Okta's Preview: pick event types, and a realistic delivery with one event of each is
 * sent through the receiver with the configured secret and headers.
 */
export function SampleDialog() {
  const open = useAppStore(selectDialog) === 'sample';
  return open ? <SampleForm /> : null;
}
