import type { Timers } from '../deps';

/** Let every promise chain that is ready run (setImmediate runs after the microtask queue). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

/** Timers and a clock that move only when the test says so. */
export class FakeTimers implements Timers {
  private nowMs: number;
  private nextId = 1;
  private pending: Pending[] = [];

  constructor(start = 1_700_000_000_000) {
    this.nowMs = start;
  }

  readonly clock = { now: () => this.nowMs };

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, at: this.nowMs + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  /** Timers waiting to fire. */
  count(): number {
    return this.pending.length;
  }

  /** How far in the future each waiting timer fires, soonest first. */
  dueIn(): number[] {
    return this.pending.map((timer) => timer.at - this.nowMs).sort((a, b) => a - b);
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
