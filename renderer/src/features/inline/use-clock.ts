import { useEffect, useState } from 'react';

/** Time as the countdown reads it; tests and the fake bridge can pass their own. */
export interface UiClock {
  now(): number;
  /** Call `tick` on every frame (or faster) until the returned stop function runs. */
  every(tick: () => void): () => void;
}

export const frameClock: UiClock = {
  now: () => Date.now(),
  every: (tick) => {
    let frame = requestAnimationFrame(function loop() {
      tick();
      frame = requestAnimationFrame(loop);
    });
    return () => cancelAnimationFrame(frame);
  },
};

/** The current time, refreshed each frame while `active`. */
export function useClock(active: boolean, clock: UiClock = frameClock): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => (active ? clock.every(() => setNow(clock.now())) : undefined), [active, clock]);
  return now;
}
