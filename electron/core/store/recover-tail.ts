import { summarize } from '../../../shared/model/summarize';
import { deliveryKeys } from './index/event-keys';
import type { IndexTag } from './index/index-writer';
import { decodeRecord } from './records/record-frame';
import type { Written } from './records/record-log';
import { scanRecords, type LogPoint } from './records/record-scan';

/** What recovery needs of the index being opened. */
export interface RecoveryTarget {
  /** Index a batch of recovered records (the log now ends at `end`). */
  index(batch: Written<IndexTag>[], end: LogPoint): Promise<void>;
  /** Seqs of these ids, for those already indexed (a pinned record carried forward). */
  knownSeqs(ids: string[]): Promise<[string, number][]>;
}

const BATCH = 1000;

/**
 * Index the records written after the index's last commit: none after a clean stop, the last
 * few after a crash between the two writes, all of them when the index had to be rebuilt. A
 * record the index already has is a pinned one carried forward: the index moves to it.
 * `until`: where to stop (a rebuild while the log takes new records, index-rebuild.ts).
 */
export async function recoverTail(
  dir: string,
  target: RecoveryTarget,
  from: LogPoint,
  notice: (message: string) => void,
  until?: LogPoint,
): Promise<LogPoint> {
  let frames: { frame: Buffer; written: Omit<Written<IndexTag>, 'tag'> }[] = [];
  const flush = async (end: LogPoint) => {
    const batch = await tagged(frames, target, notice);
    frames = [];
    if (batch.length > 0) await target.index(batch, end);
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
  return end;
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
  for (const { exchange, decodeEvents, position } of decoded) {
    const seq = known.get(exchange.id);
    if (seq !== undefined) {
      batch.push({ position, tag: { kind: 'moved', seq } });
      continue;
    }
    // Decoded and judged again as it is indexed, in order, as when it was first stored.
    const summary = summarize(exchange);
    batch.push({
      position,
      tag: decodeEvents
        ? { kind: 'new', summary, decodeEvents }
        : { kind: 'new', summary, keys: deliveryKeys(exchange) },
    });
  }
  return batch;
}
