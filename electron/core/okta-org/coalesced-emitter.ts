import type { Scheduler } from '../deps';

/** Bursts of changes (a poll's status, deliveries arriving) become one push. */
const COALESCE_MS = 200;

/** Sends the state now, or soon, folding every request made meanwhile into that one send. */
export class CoalescedEmitter {
  private pending: (() => void) | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly send: () => void,
  ) {}

  now(): void {
    this.cancel();
    this.send();
  }

  soon(): void {
    this.pending ??= this.scheduler.after(COALESCE_MS, () => {
      this.pending = null;
      this.send();
    });
  }

  cancel(): void {
    this.pending?.();
    this.pending = null;
  }
}
