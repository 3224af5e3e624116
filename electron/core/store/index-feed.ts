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
export class IndexFeed {
  private unindexed: Written<IndexTag>[] = [];
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

  /** Records the log has just written, in its order; called before their appends resolve. */
  written(written: Written<IndexTag>[]): void {
    const batch = [...this.unindexed, ...written];
    this.unindexed = [];
    for (const { tag } of written)
      if (tag.kind === 'new') this.highest = Math.max(this.highest, tag.summary.seq);
    const sent = this.index.call('written', batch, this.highest, this.end(), this.authHeader());
    this.flowing = sent.then(
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
  }

  /** Once what was handed over so far has been answered (closing waits for it). */
  settled(): Promise<void> {
    return this.flowing;
  }
}
