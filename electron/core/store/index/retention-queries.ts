import { FLAG, type Db } from './index-db';

const NOT_PINNED = `(flags & ${FLAG.pinned}) = 0`;

/** A stored record as retention sees it. */
export interface RecordRow {
  seq: number;
  pinned: boolean;
  segment: number;
  offset: number;
  length: number;
}

/** What retention asks the index: the oldest unpinned exchanges and what each segment holds. */
export class RetentionQueries {
  constructor(private readonly db: Db) {}

  /** The seq of the unpinned exchange `offset` places from the oldest, if there is one. */
  oldestUnpinned(offset: number): number | undefined {
    const row = this.db
      .prepare(`SELECT seq FROM exchanges WHERE ${NOT_PINNED} ORDER BY seq LIMIT 1 OFFSET ?`)
      .raw()
      .get([offset]) as [number] | undefined;
    return row?.[0];
  }

  /** Up to `limit` unpinned exchanges with a seq up to `seq`, oldest first. */
  unpinnedThrough(seq: number, limit: number): number[] {
    const rows = this.db
      .prepare(`SELECT seq FROM exchanges WHERE seq <= ? AND ${NOT_PINNED} ORDER BY seq LIMIT ?`)
      .raw()
      .all([seq, limit]) as [number][];
    return rows.map(([found]) => found);
  }

  /** Every exchange whose record is in a segment up to `segment`. */
  inSegmentsThrough(segment: number): RecordRow[] {
    const rows = this.db
      .prepare('SELECT seq, flags, segment, offset, length FROM exchanges WHERE segment <= ?')
      .raw()
      .all([segment]) as [number, number, number, number, number][];
    return rows.map(([seq, flags, at, offset, length]) => ({
      seq,
      pinned: (flags & FLAG.pinned) !== 0,
      segment: at,
      offset,
      length,
    }));
  }

  /** How many unpinned exchanges a segment holds, and the bytes of its pinned ones. */
  tally(segment: number): { unpinned: number; pinnedBytes: number } {
    const [unpinned, pinnedBytes] = this.db
      .prepare(
        `SELECT count(*) FILTER (WHERE ${NOT_PINNED}), coalesce(sum(length) FILTER (WHERE NOT ${NOT_PINNED}), 0)
         FROM exchanges WHERE segment = ?`,
      )
      .raw()
      .get([segment]) as [number, number];
    return { unpinned, pinnedBytes };
  }
}
