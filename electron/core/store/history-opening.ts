import type { IndexClient } from './index-client';
import { logAfter, rebuildFrom } from './index-rebuild';
import type { IndexOpened } from './index/index-service';
import type { IndexTag } from './index/index-writer';
import type { Written } from './records/record-log';
import type { LogPoint } from './records/record-scan';
import { recoverTail, type RecoveryTarget } from './recover-tail';
import { findV1History } from './v1/migrate-v1';

/** The seqs of the records the engine stored in a batch (rows given to the index aside). */
export const recordedSeqs = (batch: Written<IndexTag>[]) =>
  batch.flatMap(({ tag }) => (tag.kind === 'recorded' ? [tag.seq] : []));

/** What a history found of its log and its index as it opened. */
export interface HistoryOpening {
  /** The highest seq stored: new exchanges take the next ones. */
  lastSeq: number;
  /** Exchanges stored, indexed or not. */
  count: number;
  /** Where the log ends. */
  end: LogPoint;
  /** The first record the index could not take (a full disk): read back once it can. */
  unindexedFrom: LogPoint | null;
  /** A history of format 1 is there, to be moved over. */
  v1: boolean;
  /** Where a rebuild of the index from the records is to go on from, when one is under way. */
  rebuildFrom: LogPoint | null;
  /** Indexes records as they are found (recover-tail.ts), for the rebuild to use too. */
  target: RecoveryTarget;
}

/**
 * Find where the log ends and give the index what it lacks: the records written after its last
 * commit (normally none; a few after a crash). When the index is to be rebuilt from the records
 * in the background (index-rebuild.ts), only the seqs stored after the point it had got to are
 * read now, so new exchanges take seqs after every stored one.
 */
export async function openingOf(
  paths: { dataDir: string; records: string },
  client: IndexClient,
  opened: IndexOpened,
  authHeader: () => string,
  notice: (message: string) => void,
): Promise<HistoryOpening> {
  // New exchanges follow the seqs of a history being moved over from format 1.
  const v1 = await findV1History(paths.dataDir);
  const state = { lastSeq: Math.max(opened.meta.lastSeq ?? 0, v1?.lastSeq ?? 0), count: opened.count };
  // Every record found counts (those the index could not take are listed later).
  const target: RecoveryTarget = {
    found: (batch) => {
      for (const seq of recordedSeqs(batch)) state.lastSeq = Math.max(state.lastSeq, seq);
      state.count += recordedSeqs(batch).length;
    },
    index: async (batch, to) => {
      const { replaced } = await client.call('written', batch, state.lastSeq, to, authHeader());
      // `found` counted every record; those whose ids later ones took are out of the index.
      state.count -= replaced.length;
      return replaced;
    },
    knownSeqs: (ids) => client.call('seqsOf', ids),
  };
  const found = { v1: v1 !== null, target };
  const rebuilding = rebuildFrom(opened);
  if (rebuilding) {
    const tail = await logAfter(paths.records, rebuilding.seqsAfter, notice);
    state.lastSeq = Math.max(state.lastSeq, rebuilding.lastSeq, tail.lastSeq);
    return { ...state, ...found, end: tail.end, unindexedFrom: null, rebuildFrom: rebuilding.from };
  }
  const { end, unindexedFrom } = await recoverTail(
    paths.records,
    target,
    { segment: opened.meta.logSegment ?? 0, offset: opened.meta.logOffset ?? 0 },
    notice,
  );
  return { ...state, ...found, end, unindexedFrom, rebuildFrom: null };
}
