import { selectCompare } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { lazyPart } from '../../ui/lazy-part';

const ComparePanel = lazyPart('The comparison', () => import('./compare-panel').then((m) => m.ComparePanel));

/** Two exchanges side by side: what differs in the request and in the answer. */
export function CompareView() {
  const compare = useAppStore(selectCompare);
  if (!compare?.b) return null;
  return <ComparePanel a={compare.a} b={compare.b} />;
}
