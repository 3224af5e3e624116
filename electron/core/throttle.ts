import { systemScheduler, type Scheduler } from './deps';

/**
 * Call `fn` at most once per `ms`: the first call after a quiet spell runs at once, calls during
 * the wait are folded into one at its end. `cancel` drops a pending call (on shutdown).
 */
export function throttle(
  fn: () => void,
  ms: number,
  scheduler: Scheduler = systemScheduler,
): { (): void; cancel(): void } {
  let pending: (() => void) | null = null;
  let last = -Infinity;
  const run = () => {
    pending = null;
    last = Date.now();
    fn();
  };
  const throttled = () => {
    pending ??= scheduler.after(Math.max(0, last + ms - Date.now()), run);
  };
  throttled.cancel = () => {
    pending?.();
    pending = null;
  };
  return throttled;
}
