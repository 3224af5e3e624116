import type { Exchange } from '../../../shared/model/exchange';
import type { Logger } from '../deps';
import type { LogRecord } from './records';
import type { SegmentLog } from './segment-log';
import type { Entry, StoreIndex } from './store-index';

export interface RetentionLimits {
  maxCount: number;
  maxBytes: number;
}

export interface RetentionContext {
  log: SegmentLog;
  index: StoreIndex;
  logger: Logger;
  /** The full exchange of an entry, final timing included. */
  read(entry: Entry): Promise<Exchange>;
  /** Take entries out of the index (and tell the UI). */
  evict(entries: Entry[]): void;
}

/** A segment is rewritten to reclaim space only if less than this share of it is pinned. */
const WORTH_REWRITING = 0.5;

/** Smallest and largest segment sizes retention works with. */
const MIN_SEGMENT = 1024 * 1024;
const MAX_SEGMENT = 64 * 1024 * 1024;

/** Segments small enough that dropping the oldest frees about a sixteenth of the byte limit. */
export const segmentBytesFor = (maxBytes: number) =>
  Math.min(MAX_SEGMENT, Math.max(MIN_SEGMENT, Math.floor(maxBytes / 16)));

/**
 * Keeps the store within its limits, oldest first, never touching pinned exchanges. Evicting
 * is a watermark (every unpinned exchange up to a seq is gone) recorded in the log; space is
 * reclaimed by deleting whole segment files from the oldest, after carrying the pinned
 * exchanges they hold forward into the newest one.
 */
export class Retention {
  /** Every unpinned exchange with a seq up to this one is gone. */
  evictedThrough: number;
  /** Maintenance runs one task at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private pending: Promise<void> | null = null;
  private evictRecordPending = false;
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
    void this.schedule();
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
  evictThrough(seq: number): void {
    if (seq <= this.evictedThrough) return;
    this.evictedThrough = seq;
    this.context.evict(this.context.index.unpinnedThrough(seq));
    this.recordWatermark();
  }

  /**
   * Delete the sealed segments up to `segment`: their unpinned exchanges are evicted, their
   * pinned ones are written again into the active segment first. A crash in between leaves
   * two copies; the later one wins when the log is read.
   */
  async dropThrough(segment: number): Promise<void> {
    const { index, log } = this.context;
    const doomed = index.entries.filter((entry) => entry.position.segment <= segment);
    const unpinned = doomed.filter((entry) => !entry.summary.pinned);
    this.evictThrough(unpinned.reduce((max, entry) => Math.max(max, entry.summary.seq), 0));
    const carried: [Entry, Promise<{ segment: number; offset: number; length: number }>][] = [];
    for (const entry of doomed.filter((e) => e.summary.pinned)) {
      const exchange = await this.context.read(entry);
      if (index.byId.get(entry.summary.id) !== entry) continue;
      if (!entry.summary.pinned) this.evictThrough(entry.summary.seq);
      else carried.push([entry, log.append(serialize({ r: 'exchange', exchange, pinned: true }))]);
    }
    await log.append(serialize({ r: 'evict', through: this.evictedThrough }));
    for (const [entry, position] of carried) {
      const moved = await position;
      if (index.byId.get(entry.summary.id) === entry) index.move(entry, moved);
    }
    await log.dropThrough(segment);
  }

  private async enforce(): Promise<void> {
    const { index, log } = this.context;
    const warnings: string[] = [];
    const excess = index.size - this.limits.maxCount;
    if (excess > 0) {
      const oldest = index.oldestUnpinned(excess);
      this.evictThrough(oldest.at(-1)?.summary.seq ?? 0);
      if (oldest.length < excess)
        warnings.push(`${index.pinned()} pinned exchanges exceed the limit of ${this.limits.maxCount}`);
    }
    while (log.totalBytes() > this.limits.maxBytes) {
      const [oldest] = log.segmentSizes();
      if (!oldest || oldest.segment === log.activeSegment()) break;
      if (index.tally(oldest.segment).pinnedBytes >= oldest.bytes * WORTH_REWRITING) {
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
      const tally = index.tally(segment);
      if (segment === log.activeSegment() || tally.unpinned > 0) return;
      if (tally.pinnedBytes >= bytes * WORTH_REWRITING) return;
      await this.dropThrough(segment);
    }
  }

  /** Write the watermark once per tick however many evictions happened in it. */
  private recordWatermark(): void {
    if (this.evictRecordPending) return;
    this.evictRecordPending = true;
    queueMicrotask(() => {
      this.evictRecordPending = false;
      this.context.log
        .append(serialize({ r: 'evict', through: this.evictedThrough }))
        .catch((error: unknown) =>
          this.context.logger.warn('eviction not recorded', { error: String(error) }),
        );
    });
  }
}

const serialize = (record: LogRecord) => JSON.stringify(record);
