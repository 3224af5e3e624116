import type { ExchangeSummary } from '../../../../shared/model/exchange';
import type { Timeline } from '../../../../shared/model/timeline';
import { compileQuery } from '../../../../shared/query/query-matcher';
import { parseQuery } from '../../../../shared/query/query-parser';
import { SUMMARY_COLUMNS, summaryFromRow } from './exchange-row';
import type { Db } from './index-db';
import { compileSql, type SqlCondition, type SqlValue } from './query-sql';
import { timelineBuckets, timelineSpan, type BucketCounts } from './timeline';
import { sliceSql, type TimelineCounts } from './timeline-counts';
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

/**
 * The read side of the history: a page of rows at any position of a query's matches, counts, a
 * timeline and the seqs a bulk action applies to, all answered by the index in SQL, so none of
 * them reads more than the rows it returns plus a scan of the narrow `exchanges` table.
 */
export class HistoryQueries {
  constructor(
    private readonly db: Db,
    private readonly typeSets: TypeSets,
    private readonly timelineCounts: TimelineCounts,
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
    // The whole history's slices are kept counted (timeline-counts.ts); a query's are counted from its rows.
    const slice = this.db.prepare(sliceSql(where)).raw();
    return timelineBuckets(span, { maxBuckets, total }, (from, to): BucketCounts => {
      if (total === 0) return [0, 0, 0, 0, 0, 0];
      if (everything) return this.timelineCounts.slice(from, to);
      return (slice.get([from, to, ...params]) as (number | null)[]).map((n) => n ?? 0) as BucketCounts;
    });
  }

  private count(where: string, params: SqlValue[]): number {
    const [count] = this.db.prepare(`SELECT count(*) FROM exchanges e WHERE ${where}`).raw().get(params) as [
      number,
    ];
    return count;
  }
}
