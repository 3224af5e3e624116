import type { Logger } from '../deps';
import type { IndexClient } from './index-client';
import type { IndexTag, Removed } from './index/index-writer';
import type { RecordLog } from './records/record-log';
import type { LogPoint } from './records/record-scan';

export interface RetentionLimits {
  maxCount: number;
  maxBytes: number;
}

export interface RetentionContext {
  /** The index, as of every record written before each request (history.ts `call`). */
  index: Pick<IndexClient, 'call'>;
  /** Once the index has every record before this point of the log, however far behind a burst. */
  indexedThrough(point: LogPoint): Promise<void>;
  log: RecordLog<IndexTag>;
  logger: Logger;
  /** Exchanges stored now. */
  count(): number;
  /** Bytes the index takes on disk. */
  indexBytes(): number;
  /** Exchanges taken out of the index (the store counts them and tells the UI). */
  removed(gone: Removed[]): void;
}

/** A segment is rewritten to reclaim space only if less than this share of it is pinned. */
const WORTH_REWRITING = 0.5;
/** Exchanges evicted per transaction, so a large eviction never holds the receiver long. */
const CHUNK = 2000;

/** Smallest and largest segment sizes retention works with. */
const MIN_SEGMENT = 1024 * 1024;
const MAX_SEGMENT = 64 * 1024 * 1024;

/** Segments small enough that dropping the oldest frees about a sixteenth of the byte limit. */
export const segmentBytesFor = (maxBytes: number) =>
  Math.min(MAX_SEGMENT, Math.max(MIN_SEGMENT, Math.floor(maxBytes / 16)));

/**
 * Keeps the store within its limits, oldest first, never touching pinned exchanges. Evicting
 * takes rows out of the index up to a watermark seq (recorded, so an exchange unpinned below it
 * goes too); space is reclaimed by deleting whole segment files from the oldest, after carrying
 * the pinned records they hold forward into the newest one.
 */
export class Retention {
  /** Every unpinned exchange with a seq up to this one is gone. */
  evictedThrough: number;
  /** Maintenance runs one task at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private pending: Promise<void> | null = null;
  private warning: string | null = null;

  constructor(
    private readonly context: RetentionContext,
    private limits: RetentionLimits,
    evictedThrough: number,
  ) {
    this.evictedThrough = evictedThrough;
  }

  setLimits(limits: RetentionLimits): void {
    this.limits = limits;
  }

  /** Why retention cannot get under its limits (pinned exchanges), or null. */
  notice(): string | null {
    return this.warning;
  }

  /** Enforce the limits once whatever runs now is done (one run covers every request made before it starts). */
  schedule(): Promise<void> {
    this.pending ??= this.exclusive(async () => {
      this.pending = null;
      try {
        await this.enforce();
      } catch (error) {
        this.context.logger.error('retention failed', { error: String(error) });
      }
    });
    return this.pending;
  }

  /** Run `task` after the maintenance before it, and nothing else meanwhile (clear uses this). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Raise the watermark to `seq`: every unpinned exchange up to it goes. */
  async evictThrough(seq: number): Promise<void> {
    const { index } = this.context;
    if (seq > this.evictedThrough) {
      this.evictedThrough = seq;
      await index.call('setMeta', 'evictedThrough', seq);
    }
    for (;;) {
      const seqs = await index.call('unpinnedThrough', this.evictedThrough, CHUNK);
      if (seqs.length === 0) return;
      this.context.removed(await index.call('remove', seqs));
    }
  }

  /**
   * Delete the sealed segments up to `segment`: their unpinned exchanges are removed, their
   * pinned records written again into the active segment first. A crash in between leaves two
   * copies; the index points at the newer one.
   */
  async dropThrough(segment: number): Promise<void> {
    const { index, log } = this.context;
    // Records of these segments the index has not read yet (a burst) would go uncounted.
    await this.context.indexedThrough({ segment: segment + 1, offset: 0 });
    const rows = await index.call('inSegmentsThrough', segment);
    // Exactly what the segments hold: with history migrated from an earlier format beside live
    // traffic, the log is not in seq order, so a watermark would take more.
    const unpinned = rows.filter((row) => !row.pinned).map((row) => row.seq);
    if (unpinned.length > 0) this.context.removed(await index.call('remove', unpinned));
    for (const row of rows) {
      if (!row.pinned) continue;
      const record = await log.read(row);
      await log.append([record], { kind: 'moved', seq: row.seq });
    }
    await log.dropThrough(segment);
    await index.call('dropped', segment);
  }

  private async enforce(): Promise<void> {
    const { index, log } = this.context;
    const warnings: string[] = [];
    const excess = this.context.count() - this.limits.maxCount;
    if (excess > 0) {
      const oldest = await index.call('oldestUnpinned', excess - 1);
      if (oldest !== undefined) await this.evictThrough(oldest);
      else warnings.push(`pinned exchanges exceed the limit of ${this.limits.maxCount}`);
    }
    while (log.totalBytes() + this.context.indexBytes() > this.limits.maxBytes) {
      const [oldest] = log.segmentSizes();
      if (!oldest || oldest.segment === log.activeSegment()) break;
      if ((await index.call('tally', oldest.segment)).pinnedBytes >= oldest.bytes * WORTH_REWRITING) {
        warnings.push('pinned exchanges take up most of the size limit');
        break;
      }
      await this.dropThrough(oldest.segment);
    }
    await this.dropEmptied();
    this.warning =
      warnings.length === 0
        ? null
        : `Retention cannot keep to its limits: ${warnings.join('; ')}. Unpin some to make room.`;
  }

  /** Drop the oldest segments whose exchanges were all evicted or deleted (pinned ones aside). */
  private async dropEmptied(): Promise<void> {
    const { index, log } = this.context;
    for (const { segment, bytes } of log.segmentSizes()) {
      if (segment === log.activeSegment()) return;
      const tally = await index.call('tally', segment);
      if (tally.unpinned > 0 || tally.pinnedBytes >= bytes * WORTH_REWRITING) return;
      await this.dropThrough(segment);
    }
  }
}
