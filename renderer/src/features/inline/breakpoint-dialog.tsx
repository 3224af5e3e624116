import { selectHeld } from '../../store/slices/inline-slice';
import { useAppStore } from '../../store/store-context';
import { lazyPart } from '../../ui/lazy-part';

const HeldCall = lazyPart('The held call', () => import('./held-call').then((m) => m.HeldCall));

/** The oldest call held at a breakpoint, with Okta's budget counting down until it is answered. */
export function BreakpointDialog() {
  const held = useAppStore(selectHeld);
  return held ? <HeldCall key={held.id} held={held} /> : null;
}
