import type { ExchangeSummary, Sightings, TimingRecord } from '../../../../shared/model/exchange';
import type { DeliveryKeys, EventKeys } from './event-keys';
import { exchangeColumns, SUMMARY_COLUMNS, summaryData, summaryFromRow, timingColumns } from './exchange-row';
import { FLAG, readMeta, writeMeta, type Db, type SettableMetaKey } from './index-db';
import type { Written } from '../records/record-log';
import { isAfter, type LogPoint } from '../records/record-scan';
import type { TimelineCounts } from './timeline-counts';
import type { TypeSets } from './type-sets';

/**
 * What an append carries to the index besides its place in the log:
 * - `recorded`: an exchange as the engine stored it; the index reads everything it needs from
 *   the record (its events decoded, its keys, its words), off the receiver's thread;
 * - `new`: an exchange whose row is given (one moved over from an earlier format, pinned, timed
 *   and judged as it was, or one `recorded` after the index has read it);
 * - `moved`: a pinned record written again into a newer segment so an older one can be dropped.
 */
export type IndexTag = { kind: 'recorded'; seq: number } | RowTag;

/** A tag with everything the index writes: what `written` takes. */
export type RowTag =
  | {
      kind: 'new';
      summary: ExchangeSummary;
      keys?: DeliveryKeys | undefined;
      sightings?: Sightings | undefined;
      timing?: TimingRecord | undefined;
      /** Not announced to the UIs one by one (history moved from an earlier format). */
      quiet?: true;
      /** Its words for search, when known already (they are added later otherwise). */
      text?: string;
    }
  | { kind: 'moved'; seq: number };

/** A removed exchange: its record stays until its segment is dropped. */
export interface Removed {
  seq: number;
  id: string;
  /** Where it was in the list's order (by time received, then seq). */
  receivedAt: number;
  segment: number;
  pinned: boolean;
}

const CHUNK = 500;

/** A new exchange as indexed. */
export interface Indexed {
  summary: ExchangeSummary;
  quiet?: true;
}

/**
 * What a batch of records did to the index: the new exchanges, and those whose ids they took.
 * An import keeps the id its file gave an exchange, and the engine stores an id only when no
 * exchange in the index holds it; so a record under an id an earlier exchange held was stored
 * after that one had been deleted. A rebuild from the log reads the deleted one's record again
 * (it stays until its segment is dropped): the later one takes its place, as it did.
 */
export interface BatchIndexed {
  indexed: Indexed[];
  replaced: Removed[];
}

/** The list row's marks of redeliveries, repeated events and order, from what was judged. */
const withSightings = (summary: ExchangeSummary, sightings: Sightings): ExchangeSummary => ({
  ...summary,
  repeat: sightings.repeatOf !== undefined,
  repeatedEvents: sightings.repeatedEvents.length,
  outOfOrderEvents: sightings.outOfOrder.length,
});

/**
 * Every write to the index, each in one transaction: a batch of appended records (with their
 * event keys), final timings, pins, and removals. Their words follow (search-indexer.ts).
 */
export class IndexWriter {
  private readonly insertExchange;
  private readonly insertSummary;
  private readonly moveRecord;
  private readonly insertSearch;
  private readonly idHolder;
  /** Final timings come thousands a second under load: their statements are prepared once. */
  private readonly timed;
  /** What the `meta` table says was indexed last: seq, and where in the log it ends. */
  private logged: { lastSeq: number; end: LogPoint };

  constructor(
    private readonly db: Db,
    private readonly keys: EventKeys,
    private readonly typeSets: TypeSets,
    private readonly timelineCounts: TimelineCounts,
  ) {
    this.insertExchange = db.prepare(
      'INSERT OR REPLACE INTO exchanges VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertSummary = db.prepare(
      'INSERT OR REPLACE INTO summaries (seq, id, data, timing, sightings) VALUES (?, ?, ?, ?, ?)',
    );
    this.moveRecord = db.prepare('UPDATE exchanges SET segment = ?, offset = ?, length = ? WHERE seq = ?');
    this.insertSearch = db.prepare('INSERT OR REPLACE INTO search (rowid, text) VALUES (?, ?)');
    this.idHolder = db.prepare('SELECT seq FROM summaries WHERE id = ?').raw();
    this.timed = {
      find: db
        .prepare(
          `SELECT ${SUMMARY_COLUMNS} FROM summaries s JOIN exchanges e ON e.seq = s.seq WHERE s.id = ?`,
        )
        .raw(),
      update: db.prepare('UPDATE exchanges SET duration_ms = ?, outcome = ?, result = ? WHERE seq = ?'),
      keep: db.prepare('UPDATE summaries SET timing = ? WHERE seq = ?'),
    };
    const meta = readMeta(db);
    this.logged = {
      lastSeq: meta.lastSeq ?? 0,
      end: { segment: meta.logSegment ?? 0, offset: meta.logOffset ?? 0 },
    };
  }

  /**
   * Index records the log has just written, in the order it wrote them; `end` is where the log
   * now ends. Returns the summaries as indexed, with what was judged of each delivery.
   */
  written(batch: Written<RowTag>[], lastSeq: number, end: LogPoint): BatchIndexed {
    const indexed: Indexed[] = [];
    const replaced: Removed[] = [];
    // Only ever forward: a batch sent again after a failure must not move recovery's start back.
    const logged = {
      lastSeq: Math.max(lastSeq, this.logged.lastSeq),
      end: isAfter(end, this.logged.end) ? end : this.logged.end,
    };
    this.transaction(() => {
      for (const { position, tag } of batch) {
        if (tag.kind === 'moved') {
          this.moveRecord.run([position.segment, position.offset, position.length, tag.seq]);
          continue;
        }
        const [holder] = (this.idHolder.get([tag.summary.id]) as [number] | undefined) ?? [];
        if (holder !== undefined && holder !== tag.summary.seq) replaced.push(...this.removeRows([holder]));
        const { keys, timing } = tag;
        const sightings =
          tag.sightings ?? (keys?.tracked ? this.keys.judge(tag.summary.seq, keys) : undefined);
        if (keys && (tag.sightings !== undefined || !keys.tracked)) this.keys.keep(tag.summary.seq, keys);
        const summary = sightings ? withSightings(tag.summary, sightings) : tag.summary;
        const typeSet = this.typeSets.idOf(summary.eventTypes);
        this.insertExchange.run(exchangeColumns(summary, typeSet, position, tag.text !== undefined));
        if (tag.text !== undefined) this.insertSearch.run([summary.seq, tag.text]);
        this.insertSummary.run([
          summary.seq,
          summary.id,
          summaryData(summary),
          timing ? JSON.stringify(timing) : null,
          sightings ? JSON.stringify(sightings) : null,
        ]);
        indexed.push({ summary, ...(tag.quiet ? { quiet: true as const } : {}) });
      }
      writeMeta(this.db, 'lastSeq', logged.lastSeq);
      writeMeta(this.db, 'logSegment', logged.end.segment);
      writeMeta(this.db, 'logOffset', logged.end.offset);
    });
    this.logged = logged;
    return { indexed, replaced };
  }

  /**
   * Final timings of exchanges whose answers went out: the summaries of those indexed, as they
   * now are, and the ids of those not indexed yet.
   */
  timings(done: { id: string; timing: TimingRecord }[]): { changed: ExchangeSummary[]; missing: string[] } {
    const { find, update, keep } = this.timed;
    const changed: ExchangeSummary[] = [];
    const missing: string[] = [];
    this.transaction(() => {
      for (const { id, timing } of done) {
        const row = find.get([id]) as unknown[] | undefined;
        if (!row) {
          missing.push(id);
          continue;
        }
        const summary = { ...summaryFromRow(row), durationMs: timing.durationMs };
        const { outcome, result } = timingColumns(summary);
        update.run([summary.durationMs, outcome, result, summary.seq]);
        keep.run([JSON.stringify(timing), summary.seq]);
        changed.push(summary);
      }
    });
    return { changed, missing };
  }

  /** Pin or unpin; returns the seqs whose pin changed. */
  setPinned(seqs: number[], pinned: boolean): number[] {
    const changed: number[] = [];
    const set = this.db.prepare(
      pinned
        ? `UPDATE exchanges SET flags = flags | ${FLAG.pinned} WHERE seq = ? AND (flags & ${FLAG.pinned}) = 0`
        : `UPDATE exchanges SET flags = flags & ~${FLAG.pinned} WHERE seq = ? AND (flags & ${FLAG.pinned}) != 0`,
    );
    this.transaction(() => {
      for (const seq of seqs) if (set.run([seq]).changes > 0) changed.push(seq);
    });
    return changed;
  }

  /** Take exchanges out of the index; their ids are kept (`gone`) until their records are dropped. */
  remove(seqs: number[]): Removed[] {
    const removed: Removed[] = [];
    for (let i = 0; i < seqs.length; i += CHUNK)
      this.transaction(() => removed.push(...this.removeRows(seqs.slice(i, i + CHUNK))));
    return removed;
  }

  /** Forget what was kept of exchanges whose records lived in segments up to `segment`. */
  dropped(segment: number): void {
    this.transaction(() => {
      const doomed = 'SELECT seq FROM gone WHERE segment <= ?';
      this.db.prepare(`DELETE FROM event_keys WHERE seq IN (${doomed})`).run([segment]);
      this.db.prepare(`DELETE FROM delivery_keys WHERE seq IN (${doomed})`).run([segment]);
      this.db.prepare('DELETE FROM gone WHERE segment <= ?').run([segment]);
    });
  }

  setMeta(key: SettableMetaKey, value: number | null): void {
    if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run([key]);
    else writeMeta(this.db, key, value);
  }

  /** Take these rows out, in the transaction under way. */
  private removeRows(seqs: number[]): Removed[] {
    const chunk = JSON.stringify(seqs);
    const rows = this.db
      .prepare(
        `SELECT e.seq, s.id, e.segment, e.flags, e.received_at FROM exchanges e JOIN summaries s ON s.seq = e.seq
         WHERE e.seq IN (SELECT value FROM json_each(?))`,
      )
      .raw()
      .all([chunk]) as [number, string, number, number, number][];
    const gone = this.db.prepare('INSERT OR REPLACE INTO gone (seq, id, segment) VALUES (?, ?, ?)');
    for (const [seq, id, segment] of rows) gone.run([seq, id, segment]);
    for (const table of ['exchanges', 'summaries', 'search']) {
      const key = table === 'search' ? 'rowid' : 'seq';
      this.db.prepare(`DELETE FROM ${table} WHERE ${key} IN (SELECT value FROM json_each(?))`).run([chunk]);
    }
    return rows.map(([seq, id, segment, flags, receivedAt]) => ({
      seq,
      id,
      receivedAt,
      segment,
      pinned: (flags & FLAG.pinned) !== 0,
    }));
  }

  private transaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.timelineCounts.freshen();
      this.db.exec('COMMIT');
      this.typeSets.settle();
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.typeSets.rollBack();
      throw error;
    }
  }
}
