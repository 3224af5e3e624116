import type { Scheduler } from '../../electron/core/deps';

/** Let every promise chain that is ready run (setImmediate runs after the microtask queue). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Pending {
  id: number;
  at: number;
  delayMs: number;
  callback: () => void;
}

/**
 * The engine's scheduler with a clock, moving only when the test says so: by time (`advance`),
 * or by running whatever waits (`runPending`) when only the order of things matters.
 */
export class FakeTimers implements Scheduler {
  private nowMs: number;
  private nextId = 1;
  private pending: Pending[] = [];

  constructor(start = 1_700_000_000_000) {
    this.nowMs = start;
  }

  readonly clock = { now: () => this.nowMs };

  after(delayMs: number, callback: () => void): () => void {
    const id = this.nextId++;
    this.pending.push({ id, at: this.nowMs + delayMs, delayMs, callback });
    return () => {
      this.pending = this.pending.filter((timer) => timer.id !== id);
    };
  }

  /** Timers waiting to fire. */
  count(): number {
    return this.pending.length;
  }

  /** How far in the future each waiting timer fires, soonest first. */
  dueIn(): number[] {
    return this.pending.map((timer) => timer.at - this.nowMs).sort((a, b) => a - b);
  }

  /** Delays of the timers waiting, as asked for, in the order they were set. */
  delays(): number[] {
    return this.pending.map((timer) => timer.delayMs);
  }

  /** Run every waiting timer now, whatever its time (timers they set wait for the next call). */
  runPending(): void {
    const due = this.pending;
    this.pending = [];
    for (const timer of due) timer.callback();
  }

  /** Move time forward, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    await settle();
    for (;;) {
      const due = this.pending.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.nowMs = due.at;
      due.callback();
      await settle();
    }
    this.nowMs = target;
  }
}
