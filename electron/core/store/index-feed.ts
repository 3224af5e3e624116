import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { Logger } from '../deps';
import type { IndexClient } from './index-client';
import type { IndexTag } from './index/index-writer';
import type { Written } from './records/record-log';
import type { LogPoint } from './records/record-scan';

export interface FeedListeners {
  /** A new exchange is indexed: listable, searchable by its columns, judged. */
  indexed(summary: ExchangeSummary): void;
  /** Indexing failed (a full disk), or works again (null). */
  health(error: Error | null): void;
}

/**
 * Hands the index what the log has written, as soon as it is written. An append is answered
 * once its record is in the log (that is what survives a crash); its row follows a moment
 * later. Requests to the index thread are answered in the order they were sent, so anything
 * asked after an append was answered already sees its row. A batch the index could not take
 * is sent again with the next one; until then the rows are missing from lists, never lost:
 * the next start indexes whatever records the index has not committed.
 */
/**
 * Batches handed to the index thread and not yet answered, past which the log's next write
 * waits: under a flood faster than the index, requests wait for their answer (Okta's own
 * deliveries are paced) rather than acknowledged records piling up in memory.
 */
export const MAX_IN_FLIGHT = 4;

export class IndexFeed {
  private unindexed: Written<IndexTag>[] = [];
  private inFlight = 0;
  private waiting: (() => void)[] = [];
  private highest: number;
  private bytes: number;
  private flowing: Promise<void> = Promise.resolve();

  constructor(
    private readonly index: IndexClient,
    private readonly end: () => LogPoint,
    private readonly authHeader: () => string,
    private readonly listeners: FeedListeners,
    private readonly logger: Logger,
    opened: { lastSeq: number; bytes: number },
  ) {
    this.highest = opened.lastSeq;
    this.bytes = opened.bytes;
  }

  /** The index's size on disk, as of its last commit. */
  indexBytes(): number {
    return this.bytes;
  }

  /**
   * Records the log has just written, in its order; called before their appends resolve.
   * Resolves once the index has room for more.
   */
  written(written: Written<IndexTag>[]): Promise<void> {
    const batch = [...this.unindexed, ...written];
    this.unindexed = [];
    for (const { tag } of written)
      if (tag.kind === 'new') this.highest = Math.max(this.highest, tag.summary.seq);
    const sent = this.index.call('written', batch, this.highest, this.end(), this.authHeader());
    this.inFlight += 1;
    const answered = () => {
      this.inFlight -= 1;
      for (const wake of this.waiting.splice(0)) wake();
    };
    this.flowing = sent.finally(answered).then(
      ({ indexed, bytes }) => {
        this.bytes = bytes;
        this.listeners.health(null);
        for (const { summary, quiet } of indexed) if (!quiet) this.listeners.indexed(summary);
      },
      (error: unknown) => {
        this.unindexed = [...batch, ...this.unindexed];
        this.logger.error('history index not updated', { error: String(error), records: batch.length });
        this.listeners.health(error instanceof Error ? error : new Error(String(error)));
      },
    );
    if (this.inFlight < MAX_IN_FLIGHT) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Once what was handed over so far has been answered (closing waits for it). */
  settled(): Promise<void> {
    return this.flowing;
  }
}
