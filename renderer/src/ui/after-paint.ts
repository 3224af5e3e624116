import { animationFrameScheduler } from '../store/sync';

/**
 * Calls `then` once the next frame is painted: a task queued from that frame's animation
 * callbacks runs after its paint (in a hidden tab, where frames pause, soon after all the same).
 */
export function afterPaint(then: () => void): void {
  animationFrameScheduler(() => setTimeout(then));
}
