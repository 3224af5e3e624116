import { selectHeld } from '../../store/slices/inline-slice';
import { useAppStore } from '../../store/store-context';
import { HeldCall } from './held-call';

/**
 * The oldest call held at a breakpoint, with Okta's budget counting down until it is answered.
 * Part of the first screen's bundle, unlike the other dialogs: it appears with Okta's 3 s
 * already running, so it must not wait for a chunk to be fetched.
 */
export function BreakpointDialog() {
  const held = useAppStore(selectHeld);
  return held ? <HeldCall key={held.id} held={held} /> : null;
}
