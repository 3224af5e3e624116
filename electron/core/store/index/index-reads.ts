import type { ExchangeSummary } from '../../../../shared/model/exchange';
import type { Timeline } from '../../../../shared/model/timeline';
import type { Capture } from '../../okta-org/capture-index';
import { capturesOf, verificationsBetween } from './capture-queries';
import { FilterSeqs } from './filter-seqs';
import type { WindowRequest } from './history-queries';
import type { IndexConnection } from './index-connection';
import { assembleParts, type IndexParts } from './index-parts';
import type { RecordRow } from './retention-queries';
import { idsOf, recordOf, seqsOf, summariesOf, type StoredRow } from './row-lookups';
import type { SearchIndexer } from './search-indexer';

/** A page of a query's matches, and how many stored exchanges its words do not cover yet. */
export interface WindowPage {
  items: ExchangeSummary[];
  total: number;
  searchPending: number;
}

/** A text search waits for the words of at most this many exchanges; past that it answers at once. */
const DRAIN_LIMIT = 2000;

/**
 * What the engine asks the index without changing what it holds, as its worker thread serves
 * it: pages, counts and timelines of a query's matches, rows by seq or id, and what retention
 * and the Okta org's correlation look up. The writes are the service's (index-service.ts).
 */
export class IndexReads {
  protected parts: IndexParts;
  protected readonly filters: FilterSeqs;
  /**
   * Rows in the index, counted at open and kept as rows come and go: the whole list's count is
   * asked with every page read, and counting a million rows took 30–200 ms (cold at first paint).
   */
  protected rows = 0;

  protected constructor(
    protected readonly index: IndexConnection,
    protected readonly search: SearchIndexer,
  ) {
    this.parts = assembleParts(index.db);
    this.filters = new FilterSeqs(() => index.db);
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
}
