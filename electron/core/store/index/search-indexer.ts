import { decodeRecord } from '../records/record-frame';
import type { RecordReader } from '../records/record-reader';
import { searchText } from '../search-text';
import type { Logger } from '../../deps';
import { FLAG, prepared, type Db } from './index-db';

/** Rows read per step. */
const STEP_ROWS = 100;
/** A step stops after this long, so requests waiting behind it are answered soon. */
const STEP_MS = 8;

/**
 * Fills the full-text index a little after each row is stored, from the record itself: the
 * receiver acknowledges a delivery once its row is committed and never waits for its words
 * (tokenizing a 50-event batch costs more than everything else about storing it). Rows not
 * yet searched carry no `searched` flag; a partial index finds them, also after a restart.
 */
export class SearchIndexer {
  private scheduled = false;
  private stopped = false;
  private readonly next;
  private readonly claim;
  private readonly insert;
  private readonly backlogQuery;

  constructor(
    private readonly db: () => Db,
    private readonly reader: RecordReader,
    private readonly authHeader: () => string,
    private readonly logger: Logger,
  ) {
    const unsearched = `(flags & ${FLAG.searched}) = 0`;
    // Asked after every commit: prepared once per connection (the connection can be reopened).
    this.next = () =>
      prepared(
        db(),
        `SELECT seq, segment, offset, length FROM exchanges WHERE ${unsearched} ORDER BY seq LIMIT ?`,
      );
    this.claim = () =>
      prepared(db(), `UPDATE exchanges SET flags = flags | ${FLAG.searched} WHERE seq = ? AND ${unsearched}`);
    this.insert = () => prepared(db(), 'INSERT OR REPLACE INTO search (rowid, text) VALUES (?, ?)');
    this.backlogQuery = () => prepared(db(), `SELECT count(*) FROM exchanges WHERE ${unsearched}`);
  }

  /** Rows stored but not yet searchable. */
  backlog(): number {
    return (this.backlogQuery().raw().get() as [number])[0];
  }

  /**
   * New rows were stored: index them soon. If that fails (a full disk), the words wait for the
   * next write that works; the rows are stored and found by everything but a text search.
   */
  wake(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.stopped) return;
      try {
        if (this.step()) this.wake();
      } catch (error) {
        this.logger.warn('search index not updated', { error: String(error) });
      }
    });
  }

  /**
   * No more steps: the thread is about to end. Ending a thread in the middle of a SQLite call
   * aborts the whole process (the binding cannot unwind through it), so nothing may be running.
   */
  stop(): void {
    this.stopped = true;
  }

  /** Index everything waiting now (a text search asked for it). */
  drain(): void {
    while (this.step());
  }

  /** Index rows for up to STEP_MS; true if more are waiting. */
  private step(): boolean {
    const started = performance.now();
    const db = this.db();
    const rows = this.next().raw().all([STEP_ROWS]) as [number, number, number, number][];
    if (rows.length === 0) return false;
    const claim = this.claim();
    const insert = this.insert();
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const [seq, segment, offset, length] of rows) {
        if (claim.run([seq]).changes === 0) continue;
        insert.run([seq, this.textOf({ segment, offset, length })]);
        if (performance.now() - started > STEP_MS) break;
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    return true;
  }

  /** The words of a stored record; none if it cannot be read (its segment was dropped meanwhile). */
  private textOf(position: { segment: number; offset: number; length: number }): string {
    const frame = this.reader.read(position);
    if (frame === null) return '';
    try {
      return searchText(decodeRecord(frame).exchange, this.authHeader());
    } catch {
      return '';
    }
  }
}
