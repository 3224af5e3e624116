import type { IndexTag, Removed } from './index/index-writer';
import { decodeRecord } from './records/record-frame';
import type { Written } from './records/record-log';
import { scanRecords, type LogPoint } from './records/record-scan';

/** What recovery needs of the index being opened. */
export interface RecoveryTarget {
  /** Each batch of records found, indexed or not: the engine counts them and their seqs. */
  found(batch: Written<IndexTag>[]): void;
  /** Index a batch of recovered records (the log now ends at `end`): the exchanges whose ids they took. */
  index(batch: Written<IndexTag>[], end: LogPoint): Promise<Removed[]>;
  /** Seqs of these ids, for those already indexed (a pinned record carried forward, or a deleted one's id taken). */
  knownSeqs(ids: string[]): Promise<[string, number][]>;
}

const BATCH = 1000;

/** Where the log ends, and where the records the index could not take start (null: none). */
export interface Recovered {
  end: LogPoint;
  unindexedFrom: LogPoint | null;
}

/**
 * Index the records written after the index's last commit: none after a clean stop, the last
 * few after a crash between the two writes, all of them when the index had to be rebuilt. A
 * record the index already has is a pinned one carried forward: the index moves to it. If the
 * index cannot be written (a full disk), the rest is still read for its seqs, and indexed later.
 * `until`: where to stop (a rebuild while the log takes new records, index-rebuild.ts).
 */
export async function recoverTail(
  dir: string,
  target: RecoveryTarget,
  from: LogPoint,
  notice: (message: string) => void,
  until?: LogPoint,
): Promise<Recovered> {
  let frames: { frame: Buffer; written: Omit<Written<IndexTag>, 'tag'> }[] = [];
  let unindexedFrom: LogPoint | null = null;
  const flush = async (end: LogPoint) => {
    const batch = await tagged(frames, target, notice);
    frames = [];
    const first = batch[0];
    if (first === undefined) return;
    target.found(batch);
    if (unindexedFrom !== null) return;
    await target.index(batch, end).catch((error: unknown) => {
      unindexedFrom = { segment: first.position.segment, offset: first.position.offset };
      notice(
        `The history index cannot be written (${String(error)}): the last exchanges are listed once it can be.`,
      );
    });
  };
  const end = await scanRecords(
    dir,
    from,
    async (frame, position) => {
      frames.push({ frame, written: { position } });
      if (frames.length >= BATCH)
        await flush({ segment: position.segment, offset: position.offset + position.length });
    },
    (problem) => notice(`${problem.segment}: ${problem.message}`),
    until,
  );
  await flush(end);
  return { end, unindexedFrom };
}

async function tagged(
  frames: { frame: Buffer; written: Omit<Written<IndexTag>, 'tag'> }[],
  target: RecoveryTarget,
  notice: (message: string) => void,
): Promise<Written<IndexTag>[]> {
  const decoded = frames.flatMap(({ frame, written }) => {
    try {
      return [{ ...decodeRecord(frame), ...written }];
    } catch {
      const { segment, offset } = written.position;
      notice(`Skipped an unreadable record in segment ${segment} at byte ${offset}.`);
      return [];
    }
  });
  const known = new Map(await target.knownSeqs(decoded.map(({ exchange }) => exchange.id)));
  const batch: Written<IndexTag>[] = [];
  for (const { exchange, position } of decoded) {
    // The same seq under its id is a pinned record carried forward; another seq is an exchange
    // deleted before this one took its id (index-writer.ts `BatchIndexed`).
    const kind = known.get(exchange.id) === exchange.seq ? 'moved' : 'recorded';
    // It holds its id from here on, also for the rest of this batch: a rebuild can read a pinned
    // record and the copy carried forward before a crash kept its old segment in one batch.
    known.set(exchange.id, exchange.seq);
    // Recorded ones are decoded and judged again as they are indexed, in order, as when first stored.
    batch.push({ position, tag: { kind, seq: exchange.seq } });
  }
  return batch;
}
