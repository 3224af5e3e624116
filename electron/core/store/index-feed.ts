import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { Logger } from '../deps';
import type { IndexClient } from './index-client';
import type { IndexedBatch } from './index/index-service';
import type { IndexTag, Removed } from './index/index-writer';
import { before, LogReadBack, type CatchUpOutcome } from './index-read-back';
import { endOf, type Written } from './records/record-log';
import type { LogPoint } from './records/record-scan';

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
 * asked of it): one transaction for all written meanwhile. The index's cost is mostly per commit:
 * one a record at an even 1,000 a second kept it busier than a flood five times faster does.
 */
export const HAND_OVER_MS = 20;

/** Held batches past which history being moved over waits (see `roomForRows`). */
const HELD_BATCHES = 64;

/**
 * Hands the index what the log has written, a moment after it is written, in the log's order. An
 * append is answered once its record is in the log (that is what survives a crash); its row
 * follows a moment later. Requests to the index thread are answered in the order they were
 * sent, so anything asked after an append was handed over already sees its row. Records it could
 * not take (a full disk) are read back from the log (index-read-back.ts); until then they are
 * missing from lists, never lost: the next start indexes whatever the index has not committed.
 */
export class IndexFeed {
  /** Written since the last hand-over (see `written`). */
  private pending: Written<IndexTag>[] = [];
  private handOverQueued = false;
  private inFlight = 0;
  /** Requests sent to the index, and those answered (in the order they were sent). */
  private sentCount = 0;
  private answeredCount = 0;
  /** Records the index reads back from the log rather than being handed them. */
  private readonly readBack: LogReadBack;
  /** The index is being rebuilt from the records (index-rebuild.ts): nothing is handed over. */
  private paused = false;
  /** Closing: records are no longer read back (the next start does that). */
  private stopping = false;
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
    this.readBack = new LogReadBack(
      {
        end,
        mayAsk: () => !this.paused && this.inFlight < MAX_IN_FLIGHT,
        closing: () => this.stopping,
        send: (rows) => this.send(rows),
        catchUp: (from, to, outcome) => this.catchUp(from, to, outcome),
      },
      opened.unindexedFrom ?? null,
    );
    this.readBack.pump();
  }

  /** The index's size on disk, as of its last commit. */
  indexBytes(): number {
    return this.bytes;
  }

  /**
   * Records the log has just written, in its order; called before their appends resolve. Never
   * makes the log wait: while the index is busy, records it can read back stay in the log, and
   * rows it is given (a pinned record moved, history moved over) wait in the read-back, in order.
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
    if (this.readBack.behind === null && this.inFlight < MAX_IN_FLIGHT) {
      this.pending.push(...batch);
      if (!this.handOverQueued) {
        this.handOverQueued = true;
        setTimeout(() => this.handOver(), this.tuning.handOverMs);
      }
      return;
    }
    // Those written before this batch and not handed over yet are left to the log with it, in order.
    this.readBack.leaveInLog([...this.pending, ...batch]);
    this.pending = [];
    this.readBack.retry();
  }

  /** Hand nothing over from `from` on until `resume`: the index is being rebuilt before it. */
  pause(from: LogPoint): void {
    this.handOver();
    this.paused = true;
    this.readBack.fallBackTo(from);
  }

  resume(): void {
    this.paused = false;
    this.readBack.retry();
  }

  /**
   * Once few rows wait here: history moved over from an earlier format waits for this before
   * each record, so that a long move during a flood holds a bounded number of rows in memory.
   */
  async roomForRows(): Promise<void> {
    const { readBack } = this;
    while (readBack.heldBatches >= HELD_BATCHES && !readBack.stalled && !this.paused) await this.answered();
  }

  /** Exchanges written but not indexed yet, while the index catches up (0 otherwise). */
  backlog(): number {
    return this.readBack.behind === null ? 0 : Math.max(0, this.highest - this.indexedSeq);
  }

  /** How many exchanges stored during a burst reads leave out for now (see READS_WAIT_FOR); 0 if none. */
  burstBacklog(): number {
    const backlog = this.backlog();
    return backlog > this.tuning.readsWaitFor ? backlog : 0;
  }

  /** Once the index has what was written until now, unless it is far behind (see READS_WAIT_FOR). */
  async current(): Promise<void> {
    this.handOver();
    const { readBack } = this;
    // Closing stops the catch-up: the index answers from what it has (or as closed).
    if (readBack.behind === null || this.paused || this.stopping) return;
    // After a failure, also far behind a flood: once it is over, no delivery comes to try again.
    readBack.retry();
    if (this.burstBacklog() > 0) return;
    const target = this.end();
    while (readBack.behind !== null && !readBack.stalled && !this.stopping && before(readBack.behind, target))
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
    const { readBack } = this;
    readBack.retry();
    // Batches handed over already are not in the index until answered: one may yet fail, and
    // its records then have to be read back before they can be dropped.
    const sent = this.sentCount;
    while (this.answeredCount < sent) await this.answered();
    while (readBack.behind !== null && before(readBack.behind, point)) {
      if (readBack.stalled) throw new Error('the history index cannot take the records to be dropped yet');
      // Closing: nothing catches up until the next start, so the records are kept for it.
      if (this.stopping) throw new Error('the history is closing: the records are kept for the next start');
      await this.answered();
    }
  }

  /**
   * Stop catching up and wait for what the index was handed: what it has not read back of a
   * burst is read at the next start, from where its last commit ends, so closing does not wait
   * for a whole burst. Rows it can only be given (held) are handed over first, in order.
   */
  async stop(): Promise<void> {
    this.handOver();
    this.stopping = true;
    const { readBack } = this;
    while (this.inFlight > 0 || (readBack.heldBatches > 0 && !readBack.stalled && !this.paused))
      await this.answered();
  }

  /** Hand over what was written since the last time, after the final timings measured meanwhile. */
  private handOver(): void {
    this.handOverQueued = false;
    const rows = this.pending;
    if (rows.length === 0) return;
    this.pending = [];
    // A batch failed since they were written: they follow it, read back from the log.
    if (this.readBack.behind !== null) return this.readBack.leaveInLog(rows);
    this.listeners.handingOver();
    this.send(rows);
  }

  private send(rows: Written<IndexTag>[]): void {
    const sent = this.index.call('written', rows, this.highest, endOf(rows), this.authHeader());
    this.track(
      sent,
      rows.length,
      (done) => this.accept(done),
      () => this.readBack.handOverFailed(rows),
    );
  }

  /** A catch-up (index-read-back.ts), tracked as every request is. */
  private catchUp(from: LogPoint, to: LogPoint, outcome: CatchUpOutcome): void {
    const sent = this.index.call('catchUp', from, to, this.highest, this.authHeader());
    this.track(
      sent,
      0,
      (done) => {
        outcome.done(done.reached);
        this.accept(done);
      },
      outcome.failed,
      outcome.after,
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
        if (!this.readBack.stalled) this.readBack.pump();
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
