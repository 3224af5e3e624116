import type { ExchangeSummary, TimingRecord } from '../../../../shared/model/exchange';
import type { Logger } from '../../deps';
import { RecordReader } from '../records/record-reader';
import { startOf, type Written } from '../records/record-log';
import { isAfter, type LogPoint } from '../records/record-scan';
import { openIndex, type IndexConnection } from './index-connection';
import { prepared, readMeta, type MetaKey, type SettableMetaKey } from './index-db';
import { assembleParts } from './index-parts';
import { IndexReads } from './index-reads';
import type { BatchIndexed, IndexTag, Removed, RowTag } from './index-writer';
import { RecordRows } from './record-rows';
import { SearchIndexer } from './search-indexer';

/** What the index tells its owner when it opens. */
export interface IndexOpened {
  meta: Partial<Record<MetaKey, number>>;
  count: number;
  pinned: number;
  bytes: number;
  notices: string[];
  /** What an index of another table version that this one replaced had got to (index-connection.ts). */
  replaced: Partial<Record<MetaKey, number>> | null;
}

/** What a batch of records did to the index, and the index's size on disk. */
export interface IndexedBatch extends BatchIndexed {
  bytes: number;
}

/** What a catch-up indexed, the index's size on disk, and where in the log it stopped. */
export interface CaughtUp extends IndexedBatch {
  reached: LogPoint;
}

/** Records one catch-up reads: enough to be quick about it, few enough to answer queries between. */
const CATCH_UP_RECORDS = 2000;

/**
 * The history index, as its worker thread serves it (index-worker.ts): every method here is
 * one request from the engine, answered in order. Keeping SQLite on its own thread keeps long
 * queries off the receiver's, and ending the thread closes every file it had open. Here are
 * its opening, its writes and its closing; what only reads is in index-reads.ts.
 */
export class IndexService extends IndexReads {
  /** The header that carries the hook's secret: left out of the words indexed. */
  private readonly auth: { header: string };
  /** Where records the index failed to take start, while later ones were sent (`inOrder`). */
  private gapFrom: LogPoint | null = null;
  private readonly reader: RecordReader;
  private readonly fromRecords: RecordRows;

  private constructor(index: IndexConnection, records: string, authHeader: string, logger: Logger) {
    const reader = new RecordReader(records);
    const auth = { header: authHeader };
    super(
      index,
      new SearchIndexer(
        () => index.db,
        reader,
        () => auth.header,
        logger,
      ),
    );
    this.auth = auth;
    this.reader = reader;
    this.fromRecords = new RecordRows(reader, () => auth.header, logger);
    if (!index.readOnly) this.search.wake();
  }

  static async open(paths: { index: string; records: string }, authHeader: string, logger: Logger) {
    return new IndexService(await openIndex(paths.index, logger), paths.records, authHeader, logger);
  }

  opened(): IndexOpened {
    const [count, pinned] = this.index.db
      .prepare('SELECT count(*), count(*) FILTER (WHERE (flags & 8) != 0) FROM exchanges')
      .raw()
      .get() as [number, number];
    this.rows = count;
    return {
      meta: readMeta(this.index.db),
      count,
      pinned,
      bytes: this.index.bytes(),
      notices: this.index.notices,
      replaced: this.index.replaced,
    };
  }

  resetKeys(): void {
    this.writable();
    this.parts.keys.reset();
  }

  /** Index records the log has written: the new ones as indexed, and the index's size on disk. */
  written(batch: Written<IndexTag>[], lastSeq: number, end: LogPoint, authHeader: string): IndexedBatch {
    const first = batch[0];
    return this.inOrder(first && startOf(first), () => {
      this.writable();
      this.auth.header = authHeader;
      const rows = batch.flatMap((written) => this.fromRecords.resolve(written) ?? []);
      return { ...this.commit(rows, lastSeq, end), bytes: this.index.bytes() };
    });
  }

  /**
   * Index records the engine wrote while this thread was busy, read back from the log from
   * `from` towards `to`, a bounded number at a time (`limit`, all when the engine needs them
   * all now): the receiver never waits for the index, and nothing it stored is held in memory.
   */
  catchUp(
    from: LogPoint,
    to: LogPoint,
    lastSeq: number,
    authHeader: string,
    limit = CATCH_UP_RECORDS,
  ): CaughtUp {
    return this.inOrder(from, () => {
      this.writable();
      this.auth.header = authHeader;
      const { frames, reached } = this.reader.readRange(from, to, limit);
      const find = prepared(this.index.db, 'SELECT seq FROM summaries WHERE id = ?').raw();
      const knownSeq = (id: string) => (find.get([id]) as [number] | undefined)?.[0];
      const rows = frames.flatMap(
        ({ frame, position }) => this.fromRecords.fromFrame(frame, position, knownSeq) ?? [],
      );
      return { ...this.commit(rows, lastSeq, reached), bytes: this.index.bytes(), reached };
    });
  }

  /**
   * Index the records from `from` on (`work`). Requests are answered in order, but several are
   * sent before the first is answered: if one fails (a full disk), later ones are refused until
   * records from the failed point on are indexed (the engine reads them back from there). Taken
   * meanwhile, they would judge a redelivery before its original, making the original the
   * "repeat", and the index's end would move past the failed records, so a restart would never
   * read them back.
   */
  private inOrder<T>(from: LogPoint | undefined, work: () => T): T {
    const gap = this.gapFrom;
    if (gap !== null && (from === undefined || isAfter(from, gap)))
      throw new Error('records before these are not indexed yet: they are read back first');
    try {
      const result = work();
      this.gapFrom = null;
      return result;
    } catch (error) {
      if (from !== undefined && (gap === null || isAfter(gap, from))) this.gapFrom = from;
      throw error;
    }
  }

  /** Write rows in one transaction; the kept count follows. */
  private commit(rows: Written<RowTag>[], lastSeq: number, end: LogPoint): BatchIndexed {
    const done = this.parts.writer.written(rows, lastSeq, end);
    this.fromRecords.taken(done.indexed.map(({ summary }) => summary.id));
    this.rows += done.indexed.length - done.replaced.length;
    this.search.wake();
    return done;
  }

  timings(done: { id: string; timing: TimingRecord }[]): ExchangeSummary[] {
    this.writable();
    const { changed, missing } = this.parts.writer.timings(done);
    const notYet = new Set(missing);
    this.fromRecords.keepEarly(done.filter(({ id }) => notYet.has(id)));
    return changed;
  }

  setPinned(seqs: number[], pinned: boolean): number[] {
    this.writable();
    return this.parts.writer.setPinned(seqs, pinned);
  }

  remove(seqs: number[]): Removed[] {
    this.writable();
    const removed = this.parts.writer.remove(seqs);
    this.rows -= removed.length;
    return removed;
  }

  dropped(segment: number): void {
    this.writable();
    this.reader.forgetThrough(segment);
    this.parts.writer.dropped(segment);
  }

  setMeta(key: SettableMetaKey, value: number | null): void {
    this.writable();
    this.parts.writer.setMeta(key, value);
  }

  /** The last request: nothing runs on this thread after it, so it can be ended safely. */
  close(): void {
    this.search.stop();
    this.reader.close();
    if (!this.index.readOnly) this.index.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.index.close();
  }

  /** Before any write: an index opened read-only is reopened writable, or the write fails. */
  private writable(): void {
    if (!this.index.readOnly) return;
    // Filter seqs live in the connection's temporary table: carried over to the new one.
    const filterRows = this.filters.rows();
    if (!this.index.reopenWritable()) return;
    this.parts = assembleParts(this.index.db);
    this.filters.restore(filterRows);
    this.search.wake();
  }
}
