import type { ExchangeSummary } from '../../../../shared/model/exchange';
import type { Timeline } from '../../../../shared/model/timeline';
import { compileQuery } from '../../../../shared/query/query-matcher';
import { parseQuery } from '../../../../shared/query/query-parser';
import { SUMMARY_COLUMNS, summaryFromRow } from './exchange-row';
import type { Db } from './index-db';
import { compileSql, type SqlCondition, type SqlValue } from './query-sql';
import { timelineBuckets, timelineSpan, type BucketCounts } from './timeline';
import type { TypeSets } from './type-sets';

export interface WindowRequest {
  query: string;
  /** Epoch ms that relative times in the query (`after:15m`) count back from. */
  now: number;
  /** Rows to skip from the newest (after `before`). */
  offset: number;
  limit: number;
  /** Only exchanges listed after (older than) the one with this seq; none if it is gone. */
  before?: number | undefined;
}

export interface WindowRows {
  /** Newest first: by time received, then seq (LIST_ORDER). */
  items: ExchangeSummary[];
  /** How many match (`before` aside). */
  total: number;
}

/**
 * The list's order: newest received first, seq breaking ties, so an exchange imported from last
 * week lists below today's. It is the order of the `exchanges` table and of its indexes
 * (index-db.ts), so a page at any offset is one walk of an index, never a sort.
 */
const LIST_ORDER = 'e.received_at DESC, e.seq DESC';
const OLDEST_FIRST = 'e.received_at, e.seq';

/** Slices of the whole history's timeline kept at most (a few timelines' worth). */
const MAX_SLICES = 5000;
/** Past this many changed rows at once, every kept slice is forgotten rather than each looked up. */
const MANY_CHANGES = 1000;

/** Per-slice counts come from one aggregate per slice over the time index (docs/storage.md). */
const SLICE_SQL = (where: string) =>
  `SELECT sum(e.result = 0), sum(e.result = 1), sum(e.result = 2), sum(e.result = 3), sum(e.result = 4),
          max(e.duration_ms)
   FROM exchanges e WHERE e.received_at >= ? AND e.received_at < ? AND ${where}`;

/**
 * The read side of the history: a page of rows at any position of a query's matches, counts, a
 * timeline and the seqs a bulk action applies to, all answered by the index in SQL, so none of
 * them reads more than the rows it returns plus a scan of the narrow `exchanges` table.
 */
export class HistoryQueries {
  /**
   * Slices of the whole history's timeline (no query), by "from:to": counting them is a pass over
   * every row (hundreds of ms at 1,000,000), and the index answers one request at a time, so a
   * recount would hold the next page or filter. A slice is forgotten when a row in it changes.
   */
  private readonly slices = new Map<string, BucketCounts>();

  constructor(
    private readonly db: Db,
    private readonly typeSets: TypeSets,
  ) {}

  condition(query: string, now: number): SqlCondition {
    return compileSql(parseQuery(query), now, (patterns) => this.typeSets.matching(patterns));
  }

  /** `rows`: how many the index holds, the count when the query matches every row. */
  window(request: WindowRequest, rows: number): WindowRows {
    const { where, params } = this.condition(request.query, request.now);
    const before =
      request.before === undefined
        ? ''
        : ' AND (e.received_at, e.seq) < (SELECT received_at, seq FROM exchanges WHERE seq = ?)';
    const bounded = request.before === undefined ? params : [...params, request.before];
    const total = where === '1' ? rows : this.count(where, params);
    // Skipping rows is a walk over them: a page in the older half is read from the oldest end
    // (the jump to the oldest row skips none instead of every other one).
    const { limit, offset } = request;
    const fromOldest = request.before === undefined && offset > total / 2;
    const [order, skip, take] = fromOldest
      ? [OLDEST_FIRST, Math.max(0, total - offset - limit), Math.max(0, Math.min(limit, total - offset))]
      : [LIST_ORDER, offset, limit];
    const page = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM (
           SELECT e.seq, e.received_at, e.flags, e.duration_ms FROM exchanges e WHERE ${where}${before}
           ORDER BY ${order} LIMIT ? OFFSET ?
         ) e JOIN summaries s ON s.seq = e.seq ORDER BY ${LIST_ORDER}`,
      )
      .raw()
      .all([...bounded, take, skip]) as unknown[][];
    return { items: page.map(summaryFromRow), total };
  }

  /** Of these seqs, those matching the query. */
  matching(query: string, seqs: number[], now: number): number[] {
    if (seqs.length === 0) return [];
    const { where, params } = this.condition(query, now);
    const rows = this.db
      .prepare(`SELECT e.seq FROM exchanges e WHERE e.seq IN (SELECT value FROM json_each(?)) AND ${where}`)
      .raw()
      .all([JSON.stringify(seqs), ...params]) as [number][];
    return rows.map(([seq]) => seq);
  }

  /** Seqs of every exchange matching the query, oldest first. */
  seqs(query: string, now: number): number[] {
    const { where, params } = this.condition(query, now);
    const rows = this.db
      .prepare(`SELECT e.seq FROM exchanges e WHERE ${where} ORDER BY e.seq`)
      .raw()
      .all(params) as [number][];
    return rows.map(([seq]) => seq);
  }

  /** `rows`: how many the index holds, the count when the query matches every row. */
  timeline(query: string, maxBuckets: number, now: number, rows: number): Timeline {
    const { where, params } = this.condition(query, now);
    const { window } = compileQuery(parseQuery(query), now);
    const everything = where === '1';
    // Without a query, the ends are one index lookup each and the count is known: no pass over every row.
    const end = (which: 'min' | 'max') =>
      (this.db.prepare(`SELECT ${which}(received_at) FROM exchanges`).raw().get() as [number | null])[0];
    const [first, last, total] = everything
      ? [end('min'), end('max'), rows]
      : (this.db
          .prepare(`SELECT min(e.received_at), max(e.received_at), count(*) FROM exchanges e WHERE ${where}`)
          .raw()
          .get(params) as [number | null, number | null, number]);
    const span = timelineSpan(window, { first, last }, now);
    const slice = this.db.prepare(SLICE_SQL(where)).raw();
    return timelineBuckets(span, { maxBuckets, total }, (from, to): BucketCounts => {
      if (total === 0) return [0, 0, 0, 0, 0, 0];
      const key = `${from}:${to}`;
      const kept = everything ? this.slices.get(key) : undefined;
      if (kept) return kept;
      const counts = (slice.get([from, to, ...params]) as (number | null)[]).map(
        (n) => n ?? 0,
      ) as BucketCounts;
      if (everything) {
        // The newest slice ends at "now", so each timeline adds one: start over past the cap.
        if (this.slices.size >= MAX_SLICES) this.slices.clear();
        this.slices.set(key, counts);
      }
      return counts;
    });
  }

  /** Rows received at these times were added, changed or removed: their slices are counted again. */
  changedAt(times: number[]): void {
    if (times.length === 0 || this.slices.size === 0) return;
    // Many at once (a Clear, an import, retention): everything is counted again.
    if (times.length > MANY_CHANGES) {
      this.slices.clear();
      return;
    }
    for (const key of this.slices.keys()) {
      const [from = 0, to = 0] = key.split(':').map(Number);
      if (times.some((time) => from <= time && time < to)) this.slices.delete(key);
    }
  }

  private count(where: string, params: SqlValue[]): number {
    const [count] = this.db.prepare(`SELECT count(*) FROM exchanges e WHERE ${where}`).raw().get(params) as [
      number,
    ];
    return count;
  }
}
