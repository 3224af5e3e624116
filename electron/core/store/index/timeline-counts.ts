import type { Db } from './index-db';
import type { BucketCounts } from './timeline';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Widths of the kept counts, widest first, each a whole number of the next: a slice of the
 * timeline is read from the widest that fits inside it, and its ends from the narrower ones.
 */
const WIDTHS = [HOUR, MINUTE, SECOND] as const;

/** Per slice: accepted, rejected, failed, timed out, other (RESULTS order), the slowest answer. */
const COUNTS = ['accepted', 'rejected', 'failed', 'timed_out', 'other'] as const;

/** Epoch ms rounded down, in SQL (CAST rounds towards zero; imported times may have a fraction). */
const floorOf = (ms: string) => `(CAST(${ms} AS INTEGER) - (${ms} < CAST(${ms} AS INTEGER)))`;
/** The start of the `width`-wide slice holding `ms`, counted from 1970 (before it too). */
const startOf = (ms: string, width: number) =>
  `(${floorOf(ms)} - ((${floorOf(ms)} % ${width}) + ${width}) % ${width})`;

/** Add a row's counts to each width's slice; the slowest answer can only grow. */
const addRow = (row: 'new') => `
  INSERT INTO timeline_counts VALUES ${WIDTHS.map(
    (width) =>
      `(${width}, ${startOf(`${row}.received_at`, width)}, ${COUNTS.map((_, result) => `${row}.result = ${result}`).join(', ')}, ${row}.duration_ms, 0)`,
  ).join(', ')}
  ON CONFLICT (width, start) DO UPDATE SET
    ${COUNTS.map((name) => `${name} = ${name} + excluded.${name}`).join(', ')},
    max_ms = max(max_ms, excluded.max_ms);`;

/**
 * Take a row's counts out of each width's slice. If it may have been the slowest answer, the
 * slice is marked to have its slowest found again, or to go once empty (`freshen`): doing that
 * here, per row, would search a slice once for every row a bulk delete takes out of it.
 */
const removeRow = (row: 'old', mayBeSlowest: string) => `
  UPDATE timeline_counts SET
    ${COUNTS.map((name, result) => `${name} = ${name} - (${row}.result = ${result})`).join(', ')},
    max_stale = max_stale OR (${mayBeSlowest})
  WHERE (width, start) IN (VALUES ${WIDTHS.map((width) => `(${width}, ${startOf(`${row}.received_at`, width)})`).join(', ')});`;

/**
 * Counts of `exchanges` per second, minute and hour received, kept by triggers in the same
 * transaction as the rows, so they are exact whatever writes them (a new row, a final timing, a
 * deletion, retention, Clear, a rebuild). The whole history's timeline reads its slices here,
 * a few hundred small rows, where counting them from the rows was a pass over every row
 * (hundreds of ms at 1,000,000, holding every request behind it on the index's one thread).
 */
const SCHEMA = `
CREATE TABLE timeline_counts (
  width INTEGER NOT NULL,
  start INTEGER NOT NULL,
  ${COUNTS.map((name) => `${name} INTEGER NOT NULL`).join(',\n  ')},
  max_ms REAL NOT NULL,
  max_stale INTEGER NOT NULL,
  PRIMARY KEY (width, start)
) WITHOUT ROWID;
CREATE INDEX timeline_counts_stale ON timeline_counts (width, start) WHERE max_stale;
CREATE TRIGGER timeline_counts_insert AFTER INSERT ON exchanges BEGIN ${addRow('new')}
END;
CREATE TRIGGER timeline_counts_delete AFTER DELETE ON exchanges BEGIN ${removeRow('old', 'old.duration_ms >= max_ms')}
END;
CREATE TRIGGER timeline_counts_update AFTER UPDATE OF received_at, result, duration_ms ON exchanges BEGIN ${addRow('new')} ${removeRow(
  'old',
  'old.duration_ms >= max_ms AND (new.received_at != old.received_at OR new.duration_ms < old.duration_ms)',
)}
END;
`;

/** The narrowest width counted from the rows, each wider one from the one below it. */
const FILL = WIDTHS.map((width, i) => {
  const narrower = WIDTHS[i + 1];
  const [source, time, counts, slowest] =
    narrower === undefined
      ? ['exchanges', 'received_at', COUNTS.map((_, result) => `sum(result = ${result})`), 'max(duration_ms)']
      : [
          `timeline_counts WHERE width = ${narrower}`,
          'start',
          COUNTS.map((name) => `sum(${name})`),
          'max(max_ms)',
        ];
  return `INSERT INTO timeline_counts
    SELECT ${width}, ${startOf(time, width)}, ${counts.join(', ')}, ${slowest}, 0 FROM ${source} GROUP BY 2;`;
}).reverse();

/**
 * Add the counts to an index that has none (written before they were kept), from its rows, in
 * one transaction with the triggers that keep them from then on. Once per index: no rebuild.
 */
export function addTimelineCounts(db: Db): void {
  if (hasTimelineCounts(db)) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(SCHEMA);
    for (const fill of FILL) db.exec(fill);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

const hasTimelineCounts = (db: Db) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'timeline_counts'").raw().get() !==
  undefined;

/** Per-slice counts and slowest answer over a range of `exchanges e` matching `where`. */
export const sliceSql = (where: string) =>
  `SELECT ${COUNTS.map((_, result) => `sum(e.result = ${result})`).join(', ')}, max(e.duration_ms)
   FROM exchanges e WHERE e.received_at >= ? AND e.received_at < ? AND ${where}`;

/** Marked slices: gone if empty, else their slowest found again, from the rows or the width below. */
const FRESHEN = [
  `DELETE FROM timeline_counts WHERE max_stale AND ${COUNTS.join(' + ')} = 0`,
  ...WIDTHS.map((width, i) => {
    const narrower = WIDTHS[i + 1];
    const slowest =
      narrower === undefined
        ? `SELECT max(duration_ms) FROM exchanges
           WHERE received_at >= timeline_counts.start AND received_at < timeline_counts.start + ${width}`
        : `SELECT max(n.max_ms) FROM timeline_counts n WHERE n.width = ${narrower}
           AND n.start >= timeline_counts.start AND n.start < timeline_counts.start + ${width}`;
    return `UPDATE timeline_counts SET max_ms = (${slowest}), max_stale = 0 WHERE width = ${width} AND max_stale`;
  }).reverse(),
];

const ZERO: BucketCounts = [0, 0, 0, 0, 0, 0];

/** Counts of adjoining ranges as one: the counts added up, the slowest of their slowest. */
const merge = (parts: BucketCounts[]): BucketCounts =>
  parts.reduce(
    ([a, r, f, t, o, slowest], [a2, r2, f2, t2, o2, slowest2]) => [
      a + a2,
      r + r2,
      f + f2,
      t + t2,
      o + o2,
      Math.max(slowest, slowest2),
    ],
    ZERO,
  );

/** The whole history's timeline slices, read from the kept counts (or the rows, where there are none). */
export class TimelineCounts {
  /** An index opened read-only before its counts were added has none: its slices are counted from the rows. */
  private readonly widths: readonly number[];
  private readonly kept;
  private readonly rows;
  private readonly freshenings;

  constructor(db: Db) {
    this.widths = hasTimelineCounts(db) ? WIDTHS : [];
    this.kept =
      this.widths.length === 0
        ? null
        : db
            .prepare(
              `SELECT ${COUNTS.map((name) => `sum(${name})`).join(', ')}, max(max_ms) FROM timeline_counts
               WHERE width = ? AND start >= ? AND start < ?`,
            )
            .raw();
    this.rows = db.prepare(sliceSql('1')).raw();
    this.freshenings = this.widths.length === 0 ? [] : FRESHEN.map((sql) => db.prepare(sql));
  }

  /** Counts of every exchange received in [from, to). */
  slice(from: number, to: number, level = 0): BucketCounts {
    if (from >= to) return ZERO;
    const width = this.widths[level];
    if (width === undefined || this.kept === null) return counted(this.rows.get([from, to]));
    const first = Math.ceil(from / width) * width;
    const last = Math.floor(to / width) * width;
    if (first >= last) return this.slice(from, to, level + 1);
    return merge([
      counted(this.kept.get([width, first, last])),
      this.slice(from, first, level + 1),
      this.slice(last, to, level + 1),
    ]);
  }

  /** Within a write's transaction: find the slowest answer again where it may have gone. */
  freshen(): void {
    for (const update of this.freshenings) update.run();
  }
}

const counted = (row: unknown) => (row as (number | null)[]).map((n) => n ?? 0) as BucketCounts;
