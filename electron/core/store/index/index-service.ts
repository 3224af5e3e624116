import type { ExchangeSummary, TimingRecord } from '../../../../shared/model/exchange';
import type { Timeline } from '../../../../shared/model/timeline';
import type { Logger } from '../../deps';
import type { Capture } from '../../okta-org/capture-index';
import { RecordReader } from '../records/record-reader';
import type { Written } from '../records/record-log';
import type { LogPoint } from '../records/record-scan';
import { capturesOf, verificationsBetween } from './capture-queries';
import { EventKeys } from './event-keys';
import { FilterSeqs } from './filter-seqs';
import { HistoryQueries, type WindowRequest } from './history-queries';
import { openIndex, type IndexConnection } from './index-connection';
import { readMeta, type MetaKey, type SettableMetaKey } from './index-db';
import { IndexWriter, type Indexed, type IndexTag, type Removed, type RowTag } from './index-writer';
import { RecordRows } from './record-rows';
import { idsOf, recordOf, seqsOf, summariesOf, type StoredRow } from './row-lookups';
import { RetentionQueries, type RecordRow } from './retention-queries';
import { SearchIndexer } from './search-indexer';
import { TimelineCounts } from './timeline-counts';
import { TypeSets } from './type-sets';

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

/** A page of a query's matches, and how many stored exchanges its words do not cover yet. */
export interface WindowPage {
  items: ExchangeSummary[];
  total: number;
  searchPending: number;
}

/** What a catch-up indexed, the index's size on disk, and where in the log it stopped. */
export interface CaughtUp {
  indexed: Indexed[];
  bytes: number;
  reached: LogPoint;
}

/** Records one catch-up reads: enough to be quick about it, few enough to answer queries between. */
const CATCH_UP_RECORDS = 2000;

/** A text search waits for the words of at most this many exchanges; past that it answers at once. */
const DRAIN_LIMIT = 2000;

interface Parts {
  keys: EventKeys;
  typeSets: TypeSets;
  writer: IndexWriter;
  queries: HistoryQueries;
  retention: RetentionQueries;
}

/**
 * The history index, as its worker thread serves it (index-worker.ts): every method here is
 * one request from the engine, answered in order. Keeping SQLite on its own thread keeps long
 * queries off the receiver's, and ending the thread closes every file it had open.
 */
export class IndexService {
  private parts: Parts;
  private authHeader: string;
  private readonly search: SearchIndexer;
  private readonly reader: RecordReader;
  private readonly filters: FilterSeqs;
  private readonly fromRecords: RecordRows;
  /**
   * Rows in the index, counted at open and kept as rows come and go: the whole list's count is
   * asked with every page read, and counting a million rows took 30–200 ms (cold at first paint).
   */
  private rows = 0;

  private constructor(
    private readonly index: IndexConnection,
    records: string,
    authHeader: string,
    logger: Logger,
  ) {
    this.authHeader = authHeader;
    this.parts = assemble(index);
    this.filters = new FilterSeqs(() => index.db);
    this.reader = new RecordReader(records);
    this.fromRecords = new RecordRows(this.reader, () => this.authHeader, logger);
    this.search = new SearchIndexer(
      () => index.db,
      this.reader,
      () => this.authHeader,
      logger,
    );
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
  written(
    batch: Written<IndexTag>[],
    lastSeq: number,
    end: LogPoint,
    authHeader: string,
  ): { indexed: Indexed[]; bytes: number } {
    this.writable();
    this.authHeader = authHeader;
    const rows = batch.flatMap((written) => this.fromRecords.resolve(written) ?? []);
    return { indexed: this.commit(rows, lastSeq, end), bytes: this.index.bytes() };
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
    this.writable();
    this.authHeader = authHeader;
    const { frames, reached } = this.reader.readRange(from, to, limit);
    const find = this.index.db.prepare('SELECT seq FROM summaries WHERE id = ?').raw();
    const knownSeq = (id: string) => (find.get([id]) as [number] | undefined)?.[0];
    const rows = frames.flatMap(
      ({ frame, position }) => this.fromRecords.fromFrame(frame, position, knownSeq) ?? [],
    );
    return { indexed: this.commit(rows, lastSeq, reached), bytes: this.index.bytes(), reached };
  }

  /** Write rows in one transaction; the kept count follows. */
  private commit(rows: Written<RowTag>[], lastSeq: number, end: LogPoint): Indexed[] {
    const indexed = this.parts.writer.written(rows, lastSeq, end);
    this.rows += indexed.length;
    this.search.wake();
    return indexed;
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

  window(request: WindowRequest): WindowPage {
    const searchPending = this.searchable(request.query, request.now);
    return { ...this.parts.queries.window(request, this.rows), searchPending };
  }

  matching(query: string, seqs: number[], now: number): number[] {
    this.searchable(query, now);
    return this.parts.queries.matching(query, seqs, now);
  }

  seqs(query: string, now: number): number[] {
    this.searchable(query, now);
    return this.parts.queries.seqs(query, now);
  }

  timeline(query: string, maxBuckets: number, now: number): Timeline {
    this.searchable(query, now);
    return this.parts.queries.timeline(query, maxBuckets, now, this.rows);
  }

  seqsOf(ids: string[]): [string, number][] {
    return seqsOf(this.index.db, ids);
  }

  idsOf(seqs: number[]): string[] {
    return idsOf(this.index.db, seqs);
  }

  summariesOf(seqs: number[]): ExchangeSummary[] {
    return summariesOf(this.index.db, seqs);
  }

  /** Where the record of `seq` is, its final timing and what was judged of it (JSON). */
  recordOf(seq: number): StoredRow | undefined {
    return recordOf(this.index.db, seq);
  }

  /** The seqs a saved event hook filter lets through (the engine evaluates it), for `filter:`. */
  putFilterSeqs(name: string, seqs: number[], replace: boolean): void {
    this.filters.put(name, seqs, replace);
  }

  dropFilterSeqs(name: string): void {
    this.filters.drop(name);
  }

  capturesOf(uuids: string[]): [string, Capture[]][] {
    return capturesOf(this.index.db, uuids);
  }

  verificationsBetween(from: number, to: number): string[] {
    return verificationsBetween(this.index.db, from, to);
  }

  oldestUnpinned(offset: number): number | undefined {
    return this.parts.retention.oldestUnpinned(offset);
  }

  unpinnedThrough(seq: number, limit: number): number[] {
    return this.parts.retention.unpinnedThrough(seq, limit);
  }

  inSegmentsThrough(segment: number): RecordRow[] {
    return this.parts.retention.inSegmentsThrough(segment);
  }

  tally(segment: number): { unpinned: number; pinnedBytes: number } {
    return this.parts.retention.tally(segment);
  }

  /** Stored exchanges whose words are not in the full-text index yet. */
  searchBacklog(): number {
    return this.search.backlog();
  }

  /** The last request: nothing runs on this thread after it, so it can be ended safely. */
  close(): void {
    this.search.stop();
    this.reader.close();
    if (!this.index.readOnly) this.index.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.index.close();
  }

  /**
   * A query with free text is right only once the words of what it covers are indexed: wait
   * for a short backlog, say how long a long one is (a migration, a rebuild) and answer now.
   */
  private searchable(query: string, now: number): number {
    if (!this.parts.queries.condition(query, now).usesText) return 0;
    const backlog = this.search.backlog();
    if (backlog === 0 || backlog > DRAIN_LIMIT || this.index.readOnly) return backlog;
    this.search.drain();
    return 0;
  }

  /** Before any write: an index opened read-only is reopened writable, or the write fails. */
  private writable(): void {
    if (!this.index.readOnly) return;
    // Filter seqs live in the connection's temporary table: carried over to the new one.
    const filterRows = this.filters.rows();
    if (!this.index.reopenWritable()) return;
    this.parts = assemble(this.index);
    this.filters.restore(filterRows);
    this.search.wake();
  }
}

function assemble(index: IndexConnection): Parts {
  const keys = new EventKeys(index.db);
  const typeSets = new TypeSets(index.db);
  const timelineCounts = new TimelineCounts(index.db);
  return {
    keys,
    typeSets,
    writer: new IndexWriter(index.db, keys, typeSets, timelineCounts),
    queries: new HistoryQueries(index.db, typeSets, timelineCounts),
    retention: new RetentionQueries(index.db),
  };
}
