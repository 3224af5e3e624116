import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { Logger } from '../deps';
import type { IndexClient } from './index-client';
import type { IndexedBatch } from './index/index-service';
import type { IndexTag, Removed } from './index/index-writer';
import { endOf, startOf, type Written } from './records/record-log';
import { isAfter, samePoint, type LogPoint } from './records/record-scan';

export interface FeedListeners {
  /** A new exchange is indexed: listable, searchable by its columns, judged. */
  indexed(summary: ExchangeSummary): void;
  /** Exchanges whose ids later ones took (index-writer.ts `BatchIndexed`): out of the index. */
  removed(gone: Removed[]): void;
  /** Indexing failed (a full disk), or works again (null). */
  health(error: Error | null): void;
  /**
   * Records are about to be handed over: final timings measured since should reach the index
   * first, so that it writes those rows once, already timed, instead of twice.
   */
  handingOver(): void;
}

/**
 * Batches handed to the index thread and not yet answered. Past this, records the engine
 * stored as they arrived are not handed over: the index reads them back from the log once it
 * has room ("catching up"), so a flood faster than the index is answered at the receiver's
 * pace and costs no memory; the lists show those rows a little later.
 */
export const MAX_IN_FLIGHT = 4;

/**
 * A read waits for the index to catch up with what was written before it when it is at most
 * this many records behind (a few hundred milliseconds of indexing); further behind a flood,
 * reads answer at once from what is indexed, and the rest is announced as it is indexed.
 */
export const READS_WAIT_FOR = 2000;

/**
 * Records are handed to the index this long after they are written (or sooner, when anything is
 * asked of it): one transaction for all written meanwhile. The index's cost is mostly per
 * transaction (its commit), so one a record at an even 1,000 a second kept its thread busier
 * than a flood five times faster does, and held up the receiver for the two cores they share.
 */
export const HAND_OVER_MS = 20;

/** Held batches past which history being moved over waits (see `roomForRows`). */
const HELD_BATCHES = 64;

const before = (a: LogPoint, b: LogPoint) => isAfter(b, a);

/**
 * Hands the index what the log has written, a moment after it is written, in the log's order. An
 * append is answered once its record is in the log (that is what survives a crash); its row
 * follows a moment later. Requests to the index thread are answered in the order they were
 * sent, so anything asked after an append was handed over already sees its row. Records the
 * index could not take (a full disk) are read back from the log from the first of them, when
 * the next write or read tries again; until then they are missing from lists, never lost: the
 * next start indexes whatever records the index has not committed.
 */
export class IndexFeed {
  /** Written since the last hand-over (see `written`). */
  private pending: Written<IndexTag>[] = [];
  private handOverQueued = false;
  private inFlight = 0;
  /** Requests sent to the index, and those answered (in the order they were sent). */
  private sentCount = 0;
  private answeredCount = 0;
  /** The first record not handed to the index, while it catches up; null when it has them all. */
  private behind: LogPoint | null = null;
  private catching = false;
  /** The last catch-up failed: the next write or read tries again (closing does not wait for it). */
  private stalled = false;
  /** The index is being rebuilt from the records (index-rebuild.ts): nothing is handed over. */
  private paused = false;
  /** Closing: records are no longer read back (the next start does that). */
  private stopping = false;
  /** Batches the index cannot read back from the log (rows it is given), handed over in order. */
  private held: Written<IndexTag>[][] = [];
  private answeredWaiters: (() => void)[] = [];
  private highest: number;
  /** The highest seq the index has taken (rows it was given or read back). */
  private indexedSeq: number;
  private bytes: number;

  constructor(
    private readonly index: IndexClient,
    private readonly end: () => LogPoint,
    private readonly authHeader: () => string,
    private readonly listeners: FeedListeners,
    private readonly logger: Logger,
    opened: { lastSeq: number; bytes: number; unindexedFrom?: LogPoint | null },
    /** Tests lower `readsWaitFor` to make reads answer while the index is behind. */
    private readonly tuning = { readsWaitFor: READS_WAIT_FOR, handOverMs: HAND_OVER_MS },
  ) {
    this.highest = opened.lastSeq;
    this.indexedSeq = opened.lastSeq;
    this.bytes = opened.bytes;
    // Records the index could not take when the history opened (a full disk): read back now.
    this.behind = opened.unindexedFrom ?? null;
    this.pump();
  }

  /** The index's size on disk, as of its last commit. */
  indexBytes(): number {
    return this.bytes;
  }

  /**
   * Records the log has just written, in its order; called before their appends resolve. Never
   * makes the log wait: while the index is busy, records it can read back stay in the log, and
   * rows it is given (a pinned record moved, history moved over) wait here, in order.
   *
   * They are handed over together a moment later (HAND_OVER_MS), once the answers they were
   * stored for have gone out: their final timings, sent just before, are then written with the
   * rows, and the index writes each row once rather than again a moment later. Anything asked
   * of the index hands them over first (`current`).
   */
  written(batch: Written<IndexTag>[]): void {
    for (const { tag } of batch)
      if (tag.kind !== 'moved')
        this.highest = Math.max(this.highest, tag.kind === 'new' ? tag.summary.seq : tag.seq);
    const first = batch[0];
    if (first === undefined) return;
    if (this.behind === null && this.inFlight < MAX_IN_FLIGHT) {
      this.pending.push(...batch);
      if (!this.handOverQueued) {
        this.handOverQueued = true;
        setTimeout(() => this.handOver(), this.tuning.handOverMs);
      }
      return;
    }
    // Those written before this batch and not handed over yet are left to the log with it, in order.
    this.leaveInLog([...this.pending, ...batch]);
    this.pending = [];
    this.retry();
  }

  /** Hand nothing over from `from` on until `resume`: the index is being rebuilt before it. */
  pause(from: LogPoint): void {
    this.handOver();
    this.paused = true;
    this.behind = from;
  }

  resume(): void {
    this.paused = false;
    this.retry();
  }

  /**
   * Once few rows wait here: history moved over from an earlier format waits for this before
   * each record, so that a long move during a flood holds a bounded number of rows in memory.
   */
  async roomForRows(): Promise<void> {
    while (this.held.length >= HELD_BATCHES && !this.stalled && !this.paused) await this.answered();
  }

  /** Exchanges written but not indexed yet, while the index catches up (0 otherwise). */
  backlog(): number {
    return this.behind === null ? 0 : Math.max(0, this.highest - this.indexedSeq);
  }

  /** How many exchanges stored during a burst reads leave out for now (see READS_WAIT_FOR); 0 if none. */
  burstBacklog(): number {
    const backlog = this.backlog();
    return backlog > this.tuning.readsWaitFor ? backlog : 0;
  }

  /** Once the index has what was written until now, unless it is far behind (see READS_WAIT_FOR). */
  async current(): Promise<void> {
    this.handOver();
    // Closing stops the catch-up: the index answers from what it has (or as closed).
    if (this.behind === null || this.paused || this.stopping || this.burstBacklog() > 0) return;
    this.retry();
    const target = this.end();
    while (this.behind !== null && !this.stalled && !this.stopping && before(this.behind, target))
      await this.answered();
  }

  /**
   * Once the index has every record before `point`, however far behind a flood it is: records
   * about to be dropped (Clear, retention) must be in the index first, or they would vanish from
   * the counts unseen. Throws if the index cannot take them now (a full disk, a rebuild, or closing).
   */
  async reached(point: LogPoint): Promise<void> {
    // What the log stores during a rebuild is indexed after it (index-rebuild.ts), and the records
    // before it are not all in yet.
    if (this.paused) throw new Error('the history index is being rebuilt from the stored records');
    this.handOver();
    this.retry();
    // Batches handed over already are not in the index until answered: one may yet fail, and
    // its records then have to be read back before they can be dropped.
    const sent = this.sentCount;
    while (this.answeredCount < sent) await this.answered();
    while (this.behind !== null && before(this.behind, point)) {
      if (this.stalled) throw new Error('the history index cannot take the records to be dropped yet');
      // Closing: nothing catches up until the next start, so the records are kept for it.
      if (this.stopping) throw new Error('the history is closing: the records are kept for the next start');
      await this.answered();
    }
  }

  /**
   * Stop catching up and wait for what the index was handed: what it has not read back of a
   * burst is read at the next start, from where its last commit ends, so closing does not wait
   * for a whole burst. Rows it can only be given (held here) are handed over first, in order.
   */
  async stop(): Promise<void> {
    this.handOver();
    this.stopping = true;
    while (this.inFlight > 0 || (this.held.length > 0 && !this.stalled && !this.paused))
      await this.answered();
  }

  /** Hand over what was written since the last time, after the final timings measured meanwhile. */
  private handOver(): void {
    this.handOverQueued = false;
    const rows = this.pending;
    if (rows.length === 0) return;
    this.pending = [];
    // A batch failed since they were written: they follow it, read back from the log.
    if (this.behind !== null) return this.leaveInLog(rows);
    this.listeners.handingOver();
    this.send(rows);
  }

  private send(rows: Written<IndexTag>[]): void {
    const sent = this.index.call('written', rows, this.highest, endOf(rows), this.authHeader());
    this.track(
      sent,
      rows.length,
      (done) => this.accept(done),
      () => {
        // Read back from the log from here, after this failure: when the next write or read tries.
        this.stalled = true;
        this.leaveInLog(rows);
      },
    );
  }

  /**
   * Records the index is to read back from the log rather than be handed: it falls behind to
   * the first of them (if not further back already); rows it can only be given (a moved pin,
   * history moved over) wait in `held`, in the log's order.
   */
  private leaveInLog(rows: Written<IndexTag>[]): void {
    const first = rows[0];
    if (first === undefined) return;
    const start = startOf(first);
    if (this.behind === null || before(start, this.behind)) this.behind = start;
    if (rows.every(({ tag }) => tag.kind === 'recorded')) return;
    const later = this.held.findIndex((held) => before(start, startOf(held[0] as Written<IndexTag>)));
    this.held.splice(later < 0 ? this.held.length : later, 0, rows);
  }

  /**
   * While behind: hand over, in the log's order, the records the index reads back (a bounded
   * part at a time) and the held batches between them.
   */
  private pump(): void {
    while (this.behind !== null && !this.paused && !this.catching && this.inFlight < MAX_IN_FLIGHT) {
      const from = this.behind;
      const next = this.held[0];
      if (next === undefined && this.stopping) return;
      const to = next ? startOf(next[0] as Written<IndexTag>) : this.end();
      if (!samePoint(from, to)) {
        this.catchUp(from, to);
        return;
      }
      if (next === undefined) {
        this.behind = null;
        return;
      }
      this.held.shift();
      this.send(next);
      this.behind = endOf(next);
    }
  }

  /** Try again after a failed catch-up: on each write, and on each read that waits for it. */
  private retry(): void {
    this.stalled = false;
    this.pump();
  }

  private catchUp(from: LogPoint, to: LogPoint): void {
    this.catching = true;
    const sent = this.index.call('catchUp', from, to, this.highest, this.authHeader());
    this.track(
      sent,
      0,
      (done) => {
        // A batch sent before this catch-up may have failed meanwhile: the feed fell back to its
        // start, before `from`, and must read on from there, not from where this one got to.
        if (this.behind !== null && samePoint(this.behind, from)) this.behind = done.reached;
        this.accept(done);
      },
      () => (this.stalled = true),
      () => (this.catching = false),
    );
  }

  private track<T>(
    sent: Promise<T>,
    records: number,
    done: (value: T) => void,
    failed: () => void,
    after?: () => void,
  ): void {
    this.inFlight += 1;
    this.sentCount += 1;
    sent
      .then(
        (value) => {
          this.listeners.health(null);
          done(value);
        },
        (error: unknown) => {
          failed();
          this.logger.error('history index not updated', { error: String(error), records });
          this.listeners.health(error instanceof Error ? error : new Error(String(error)));
        },
      )
      .finally(() => {
        this.inFlight -= 1;
        this.answeredCount += 1;
        after?.();
        if (!this.stalled) this.pump();
        for (const wake of this.answeredWaiters.splice(0)) wake();
      });
  }

  private accept({ indexed, replaced, bytes }: IndexedBatch): void {
    this.bytes = bytes;
    const last = indexed.at(-1);
    if (last) this.indexedSeq = Math.max(this.indexedSeq, last.summary.seq);
    for (const { summary, quiet } of indexed) if (!quiet) this.listeners.indexed(summary);
    if (replaced.length > 0) this.listeners.removed(replaced);
  }

  private answered(): Promise<void> {
    return new Promise((resolve) => this.answeredWaiters.push(resolve));
  }
}
