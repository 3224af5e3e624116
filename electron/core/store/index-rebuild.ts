import { stat } from 'node:fs/promises';
import path from 'node:path';
import { systemScheduler, type Logger } from '../deps';
import type { IndexOpened } from './index/index-service';
import { decodeRecord } from './records/record-frame';
import { listSegments, scanRecords, segmentName, type LogPoint } from './records/record-scan';
import { recoverTail, type RecoveryTarget } from './recover-tail';

/** The status is told of progress at most this often. */
const PROGRESS_MS = 1000;
/** A failed step (a full disk) is tried again after this long, from where the rebuild got to. */
const RETRY_MS = 5000;

export interface RebuildDeps {
  /** The records folder. */
  dir: string;
  /** Where the log ended when it was opened: the rebuild indexes everything before it. */
  end: LogPoint;
  /** Indexes a batch of records, as tail recovery does (history.ts); `to`: where the batch ends. */
  target: RecoveryTarget;
  /** Note in the index that a rebuild is under way up to `end` (null: the records before it are in). */
  mark(end: LogPoint | null): Promise<void>;
  /** Where the index had got to: a rebuild stopped part-way goes on from there. */
  from: LogPoint;
  /** The rebuild is done: the records stored meanwhile are read back from the log (index-feed.ts). */
  resume(): void;
  notice(message: string): void;
  /** The rebuild progressed (the status says how far). */
  progress(): void;
  /** Everything is indexed: lists should be read again. */
  finished(): void;
  logger: Logger;
}

/** Thrown into the scan to end it when the history closes. */
class Stopped extends Error {}

/**
 * Rebuilding the index from the records while the engine already answers: an index of another
 * table version (index-db.ts) was replaced, and a million records take minutes to index. What
 * the log stores meanwhile is held and indexed after the rebuild, in log order, so each delivery
 * is judged against everything received before it and the index's bookkeeping (how far in the
 * log it has got) only moves forward: stopped part-way, the next start goes on from there.
 */
export class IndexRebuild {
  private running = true;
  private stopped = false;
  private done: Promise<void> = Promise.resolve();
  private reached: LogPoint;
  private bytesBefore: (point: LogPoint) => number = () => 0;
  private totalBytes = 0;
  private indexed = 0;
  private lastProgress = 0;

  constructor(private readonly deps: RebuildDeps) {
    this.reached = deps.from;
  }

  /** Run the rebuild; resolves when it is done or stopped. */
  start(): Promise<void> {
    this.done = this.run();
    return this.done;
  }

  /** The history closes: end the rebuild after the batch under way; what is left is indexed at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }

  notice(): string | null {
    if (!this.running || this.stopped) return null;
    const share = this.totalBytes === 0 ? 0 : this.bytesBefore(this.reached) / this.totalBytes;
    return (
      `Rebuilding the history index from the stored records: ${Math.floor(share * 100)}% ` +
      `(${this.indexed.toLocaleString('en-US')} exchanges listed so far). New exchanges are stored, ` +
      `and listed once it is done.`
    );
  }

  private async run(): Promise<void> {
    const { deps } = this;
    await this.measure();
    const started = performance.now();
    while (!this.stopped) {
      try {
        await this.indexRecords();
        await deps.mark(null);
        break;
      } catch (error) {
        if (error instanceof Stopped) return;
        deps.logger.error('history index rebuild failed, trying again', { error: String(error) });
        await new Promise<void>((resolve) => systemScheduler.after(RETRY_MS, resolve));
      }
    }
    if (this.stopped) return;
    this.running = false;
    deps.resume();
    deps.logger.info('history index rebuilt', {
      exchanges: this.indexed,
      seconds: Math.round((performance.now() - started) / 1000),
    });
    deps.finished();
  }

  /** The records before the log's end when it was opened, from where the rebuild got to. */
  private async indexRecords(): Promise<void> {
    const { deps } = this;
    if (this.reached.segment === deps.end.segment && this.reached.offset >= deps.end.offset) return;
    await deps.mark(deps.end);
    await recoverTail(
      deps.dir,
      {
        found: (batch) => deps.target.found(batch),
        knownSeqs: (ids) => deps.target.knownSeqs(ids),
        index: async (batch, to) => {
          if (this.stopped) throw new Stopped();
          const replaced = await deps.target.index(batch, to);
          this.reached = to;
          this.indexed += batch.filter(({ tag }) => tag.kind === 'recorded').length - replaced.length;
          this.tell();
          return replaced;
        },
      },
      this.reached,
      (message) => deps.notice(message),
      deps.end,
    );
    this.reached = deps.end;
  }

  /** Byte sizes of the segments to index, for the share done. */
  private async measure(): Promise<void> {
    const { dir, end } = this.deps;
    const sizes = new Map<number, number>();
    let total = 0;
    for (const segment of await listSegments(dir)) {
      if (segment > end.segment) break;
      const size =
        segment === end.segment ? end.offset : (await stat(path.join(dir, segmentName(segment)))).size;
      sizes.set(segment, total);
      total += size;
    }
    this.totalBytes = total;
    this.bytesBefore = (point) => (sizes.get(point.segment) ?? 0) + point.offset;
  }

  private tell(): void {
    const now = performance.now();
    if (now - this.lastProgress < PROGRESS_MS) return;
    this.lastProgress = now;
    this.deps.progress();
  }
}

/**
 * Where the log ends and the highest seq stored after `from`, where a replaced index had got
 * to (normally nothing is read): new exchanges take seqs after every stored one.
 */
export async function logAfter(
  dir: string,
  from: LogPoint,
  notice: (message: string) => void,
): Promise<{ end: LogPoint; lastSeq: number }> {
  let lastSeq = 0;
  const end = await scanRecords(
    dir,
    from,
    (frame) => {
      try {
        lastSeq = Math.max(lastSeq, decodeRecord(frame).exchange.seq);
      } catch {
        // Unreadable: the rebuild skips it and says so.
      }
    },
    (problem) => notice(`${problem.segment}: ${problem.message}`),
  );
  return { end, lastSeq };
}

/**
 * Whether the index is to be rebuilt from the records in the background (index-rebuild.ts),
 * and from where: an index of another table version was replaced (all of it, and seqs go on
 * from the last one it knew), or a rebuild was stopped part-way (from where it got to, and seqs
 * go on from those stored after the point it was rebuilding up to). Records after `seqsAfter`
 * are read at once for their seqs: normally none.
 */
export function rebuildFrom(
  opened: IndexOpened,
): { from: LogPoint; seqsAfter: LogPoint; lastSeq: number } | null {
  const { replaced, meta } = opened;
  if (replaced?.lastSeq !== undefined && replaced.logSegment !== undefined)
    return {
      from: { segment: 0, offset: 0 },
      seqsAfter: { segment: replaced.logSegment, offset: replaced.logOffset ?? 0 },
      lastSeq: replaced.lastSeq,
    };
  if (meta.rebuildSegment === undefined) return null;
  return {
    from: { segment: meta.logSegment ?? 0, offset: meta.logOffset ?? 0 },
    seqsAfter: { segment: meta.rebuildSegment, offset: meta.rebuildOffset ?? 0 },
    lastSeq: meta.lastSeq ?? 0,
  };
}
