/**
 * Call `fn` at most once per `ms`: the first call after a quiet spell runs at once, calls during
 * the wait are folded into one at its end. `cancel` drops a pending call (on shutdown).
 */
export function throttle(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  const throttled = () => {
    timer ??= setTimeout(run, Math.max(0, last + ms - Date.now()));
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
