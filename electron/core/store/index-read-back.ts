import type { IndexTag } from './index/index-writer';
import { endOf, startOf, type Written } from './records/record-log';
import { isAfter, samePoint, type LogPoint } from './records/record-scan';

/** Whether `a` comes before `b` in the log. */
export const before = (a: LogPoint, b: LogPoint) => isAfter(b, a);

/** How a catch-up went: `done` with where it got to, before the rows it took are announced. */
export interface CatchUpOutcome {
  done: (reached: LogPoint) => void;
  failed: () => void;
  /** Once answered, either way. */
  after: () => void;
}

/** What the read-back asks of the feed that owns it (index-feed.ts), which tracks every request. */
export interface ReadBackChannel {
  /** Where the log ends now. */
  end(): LogPoint;
  /** Another request may go to the index now: few enough are unanswered, and it is not being rebuilt. */
  mayAsk(): boolean;
  /** Closing: what is left in the log is read back at the next start. */
  closing(): boolean;
  /** Hand the index rows it can only be given (a moved pin, history moved over). */
  send(rows: Written<IndexTag>[]): void;
  /** Ask the index to read the records from `from` towards `to` back from the log. */
  catchUp(from: LogPoint, to: LogPoint, outcome: CatchUpOutcome): void;
}

/**
 * The records the index is to read back from the log rather than be handed: those written while
 * it had too many batches to answer (a flood), and those of a batch it failed to take (a full
 * disk), from the first of them on. Read back a bounded part at a time, in the log's order, with
 * the rows it can only be given handed over between them where they were written.
 */
export class LogReadBack {
  /** The first record not handed to the index, while it catches up; null when it has them all. */
  private from: LogPoint | null;
  private catching = false;
  /** The last catch-up failed: the next write or read tries again (closing does not wait for it). */
  private failed = false;
  /** Batches the index cannot read back from the log (rows it is given), handed over in order. */
  private readonly held: Written<IndexTag>[][] = [];

  constructor(
    private readonly channel: ReadBackChannel,
    /** Records the index could not take when the history opened (a full disk): read back at once. */
    from: LogPoint | null,
  ) {
    this.from = from;
  }

  /** The first record the index has not taken, or null when it has them all. */
  get behind(): LogPoint | null {
    return this.from;
  }

  /** The last try failed: nothing is read back until the next write or read tries again. */
  get stalled(): boolean {
    return this.failed;
  }

  /** Batches of rows waiting to be handed over. */
  get heldBatches(): number {
    return this.held.length;
  }

  /** Nothing is handed over from `point` on: the index reads it back (after a rebuild, index-rebuild.ts). */
  fallBackTo(point: LogPoint): void {
    this.from = point;
  }

  /**
   * Records the index is to read back from the log rather than be handed: it falls behind to
   * the first of them (if not further back already); rows it can only be given (a moved pin,
   * history moved over) wait in `held`, in the log's order.
   */
  leaveInLog(rows: Written<IndexTag>[]): void {
    const first = rows[0];
    if (first === undefined) return;
    const start = startOf(first);
    if (this.from === null || before(start, this.from)) this.from = start;
    if (rows.every(({ tag }) => tag.kind === 'recorded')) return;
    const later = this.held.findIndex((held) => before(start, startOf(held[0] as Written<IndexTag>)));
    this.held.splice(later < 0 ? this.held.length : later, 0, rows);
  }

  /** A batch handed over failed: its records are read back from the log, when the next write or read tries again. */
  handOverFailed(rows: Written<IndexTag>[]): void {
    this.failed = true;
    this.leaveInLog(rows);
  }

  /** Try again after a failed catch-up: on each write, and on each read that waits for it. */
  retry(): void {
    this.failed = false;
    this.pump();
  }

  /**
   * While behind: hand over, in the log's order, the records the index reads back (a bounded
   * part at a time) and the held batches between them.
   */
  pump(): void {
    const { channel } = this;
    while (this.from !== null && !this.catching && channel.mayAsk()) {
      const from = this.from;
      const next = this.held[0];
      if (next === undefined && channel.closing()) return;
      const to = next ? startOf(next[0] as Written<IndexTag>) : channel.end();
      if (!samePoint(from, to)) {
        this.catchUp(from, to);
        return;
      }
      if (next === undefined) {
        this.from = null;
        return;
      }
      this.held.shift();
      channel.send(next);
      this.from = endOf(next);
    }
  }

  private catchUp(from: LogPoint, to: LogPoint): void {
    this.catching = true;
    this.channel.catchUp(from, to, {
      done: (reached) => {
        // A batch sent before this catch-up may have failed meanwhile: the feed fell back to its
        // start, before `from`, and must read on from there, not from where this one got to.
        if (this.from !== null && samePoint(this.from, from)) this.from = reached;
      },
      failed: () => (this.failed = true),
      after: () => (this.catching = false),
    });
  }
}
