import type { Exchange, ExchangeSummary, Sightings, TimingRecord } from '../../../shared/model/exchange';
import type { Timeline } from '../../../shared/model/timeline';
import type { Logger } from '../deps';
import type { CaptureSource } from '../okta-org/capture-index';
import { sealExchange, unsealExchange } from '../secrets/exchange-secrets';
import { identitySealer, type HeaderSealer } from './header-sealer';
import type { FilterSeqSink } from './index/filter-seqs';
import { parseTiming } from './index/exchange-row';
import { withEvents } from './derived-delivery';
import type { Removed } from './index/index-writer';
import { History, type HistoryStats } from './history';
import { decodeRecord, encodeRecord } from './records/record-frame';
import type { WriteFault } from './records/record-log';
import type { RetentionLimits } from './retention';

/** An exchange before the store has given it its place (seq). */
export type NewExchange = Omit<Exchange, 'seq'>;

export interface StoreListeners {
  appended(summary: ExchangeSummary): void;
  updated(summary: ExchangeSummary): void;
  /** Exchanges deleted or evicted (not sent for `clear`, which has its own event). */
  removed(removed: { id: string; seq: number; receivedAt: number }[]): void;
  /** So much changed at once (a bulk pin, history moved over) that lists should be read again. */
  reloaded(): void;
  /** The status changed: the index could not be written (or can again), or its rebuild progressed. */
  status(): void;
}

export interface ListPage {
  items: ExchangeSummary[];
  /** Pass as `cursor` for the next older page; null when there is none. */
  nextCursor: number | null;
  total: number;
  /** The newest seq in the store: live pushes above it are new to this page's reader. */
  lastSeq: number;
  /** Stored exchanges whose words are not searchable yet (free-text queries only; normally 0). */
  searchPending: number;
}

/** Which exchanges a bulk action applies to: these ids, or all that match a query but some. */
export interface Selector {
  ids?: string[] | undefined;
  query?: string | undefined;
  except?: string[] | undefined;
}

export interface StoreOptions {
  /** The data folder; history lives in its `history` folder. */
  dir: string;
  /** This build's version, written into the history's format marker. */
  version: string;
  /** The index thread's script (see history.ts). */
  indexWorker: string;
  logger: Logger;
  listeners: StoreListeners;
  retention: RetentionLimits;
  /** The configured auth header: its values are kept out of the search index. */
  authHeader: () => string;
  now: () => number;
  /** Segment size; by default derived from the byte limit. Tests use small ones. */
  segmentBytes?: number;
  /** Simulated disk failures, for tests. */
  writeFault?: WriteFault;
  /** Encrypts credential headers on disk; none by default. */
  sealer?: HeaderSealer;
}

/** Bulk changes past this many are announced as one reload instead of one update each. */
const ANNOUNCED_ONE_BY_ONE = 5000;

/**
 * Captured exchanges: records in an append-only log, found through an index on disk
 * (docs/storage.md). `append` resolves once the record is written to the log (a 2xx may then
 * go out); the index takes it a moment later, in order. The index is opened, not rebuilt, so
 * opening costs the same for ten exchanges or a million.
 */
export class ExchangeStore {
  private readonly sealer: HeaderSealer;

  private constructor(
    private readonly options: StoreOptions,
    private readonly history: History,
  ) {
    this.sealer = options.sealer ?? identitySealer;
  }

  static async open(options: StoreOptions): Promise<ExchangeStore> {
    const relay: { to?: ExchangeStore } = {};
    const { listeners } = options;
    const history = await History.open(options, {
      indexed: (summary) => listeners.appended(summary),
      updated: (summary) => listeners.updated(summary),
      removed: (gone) => relay.to?.announceRemoved(gone),
      reloaded: () => listeners.reloaded(),
      health: () => listeners.status(),
      progress: () => listeners.status(),
    });
    const store = new ExchangeStore(options, history);
    relay.to = store;
    void history.retention.schedule();
    return store;
  }

  /**
   * Persist an exchange and give it its seq; resolves once it is in the log (it then survives
   * a crash), rejects if it could not be written. Its row follows in the index a moment later,
   * with what was seen before it (redeliveries, repeated events, order): lists are told then.
   * `decodeEvents`: a delivery as received, its events still to be decoded from its body.
   */
  async append(draft: NewExchange, options: { decodeEvents?: boolean } = {}): Promise<Exchange> {
    await this.sealer.persist();
    const { history } = this;
    // Nothing awaited between taking a seq and queueing the record: the log writes in seq order.
    const exchange: Exchange = { ...draft, seq: history.nextSeq() };
    const record = encodeRecord(sealExchange(exchange, this.sealer), options.decodeEvents === true);
    // The index reads its row from the record, on its own thread (index/record-rows.ts).
    await history.log.append(record, { kind: 'recorded', seq: exchange.seq });
    history.counted(1, 0);
    void history.retention.schedule();
    return exchange;
  }

  /**
   * Record the final timing once the answer has gone out. Best effort: if it cannot be
   * written, the stored exchange keeps the timing measured before it was written.
   */
  completeTiming(id: string, timing: TimingRecord): Promise<void> {
    return this.history.timings.add(id, timing);
  }

  /** A page of summaries matching `query`, newest first: from a position, or below a seq. */
  async list(request: { limit: number; offset?: number; cursor?: number | undefined; query?: string }) {
    const { items, total, searchPending } = await this.history.call('window', {
      query: request.query ?? '',
      now: this.options.now(),
      offset: request.offset ?? 0,
      limit: request.limit,
      before: request.cursor,
    });
    const oldest = items.at(-1);
    const more = oldest !== undefined && items.length === request.limit;
    const page: ListPage = {
      items,
      nextCursor: more ? oldest.seq : null,
      total,
      lastSeq: this.history.lastSeq(),
      searchPending,
    };
    return page;
  }

  /** Which of these exchanges match the query (for live updates of a filtered list). */
  async match(query: string, ids: string[]): Promise<string[]> {
    const seqs = await this.history.seqsOf(ids);
    const matching = new Set(
      await this.history.call('matching', query, [...seqs.values()], this.options.now()),
    );
    return ids.filter((id) => matching.has(seqs.get(id) ?? -1));
  }

  timeline(query: string, maxBuckets: number): Promise<Timeline> {
    return this.history.call('timeline', query, maxBuckets, this.options.now());
  }

  /** The seqs a selector names, oldest first. */
  async select(selector: Selector): Promise<number[]> {
    const { history } = this;
    if (selector.ids !== undefined)
      return [...(await history.seqsOf(selector.ids)).values()].sort((a, b) => a - b);
    const seqs = await history.call('seqs', selector.query ?? '', this.options.now());
    if (!selector.except?.length) return seqs;
    const except = new Set((await history.seqsOf(selector.except)).values());
    return seqs.filter((seq) => !except.has(seq));
  }

  /** The ids of these seqs, oldest first (exchanges since removed are left out). */
  idsOf(seqs: number[]): Promise<string[]> {
    return this.history.call('idsOf', seqs);
  }

  /**
   * When each of these exchanges was received, by id (unknown ids are left out). An import
   * stores an id it is told is unknown, so every stored record counts, indexed or not: this
   * waits for the index to have them all, and throws while it cannot take them.
   */
  async receivedAtOf(ids: string[]): Promise<Map<string, number>> {
    await this.everyStoredIndexed('what is already in history cannot be told');
    const seqs = await this.history.seqsOf(ids);
    const summaries = await this.history.call('summariesOf', [...seqs.values()]);
    return new Map(summaries.map((summary) => [summary.id, summary.receivedAt]));
  }

  async get(id: string): Promise<Exchange | undefined> {
    const seq = (await this.history.seqsOf([id])).get(id);
    return seq === undefined ? undefined : this.read(seq);
  }

  /** The full exchange stored as `seq`, credential headers opened, with its final timing. */
  async read(seq: number): Promise<Exchange | undefined> {
    const row = await this.history.call('recordOf', seq);
    if (!row) return undefined;
    const stored = decodeRecord(await this.history.log.read(row.position));
    const { exchange } = stored.decodeEvents ? withEvents(stored.exchange) : stored;
    const timing = parseTiming(row.timing);
    if (timing) exchange.timing = timing;
    if (row.sightings !== null) exchange.sightings = JSON.parse(row.sightings) as Sightings;
    return unsealExchange(exchange, this.sealer);
  }

  async setPinned(seqs: number[], pinned: boolean): Promise<number> {
    const { history } = this;
    const changed = await history.call('setPinned', seqs, pinned);
    history.counted(0, pinned ? changed.length : -changed.length);
    await this.announceChanged(changed);
    // An exchange unpinned below the watermark was only kept because it was pinned.
    if (!pinned && changed.some((seq) => seq <= history.retention.evictedThrough))
      await history.retention.exclusive(() =>
        history.retention.evictThrough(history.retention.evictedThrough),
      );
    await history.retention.schedule();
    return changed.length;
  }

  async delete(seqs: number[]): Promise<number> {
    const removed = await this.history.call('remove', seqs);
    this.announceRemoved(removed);
    await this.history.retention.schedule();
    return removed.length;
  }

  /**
   * Delete these exchanges, also those stored a moment ago and not indexed yet, however far
   * behind a burst the index is (an import removing what it added); throws while it cannot take them.
   */
  async deleteStored(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    await this.everyStoredIndexed('the exchanges to delete cannot all be found');
    return this.delete(await this.select({ ids }));
  }

  /** Delete every exchange that is not pinned; seq keeps moving forward. Returns how many. */
  clear(): Promise<number> {
    const { history } = this;
    return history.retention.exclusive(async () => {
      // Every exchange stored before Clear, even those a burst left unindexed so far.
      await history.indexedThrough(history.log.end());
      const unpinned = await history.call('seqs', '-is:pinned', this.options.now());
      const removed = await history.call('remove', unpinned);
      history.counted(-removed.length, 0);
      await history.call('resetKeys');
      await history.log.rollOver();
      await history.retention.dropThrough(history.log.activeSegment() - 1);
      return removed.length;
    });
  }

  setRetention(limits: RetentionLimits): Promise<void> {
    return this.history.setRetention(limits);
  }

  /** Questions the Okta org integration asks about stored deliveries. */
  captures(): CaptureSource {
    const { history } = this;
    return {
      capturesOf: (uuids) => history.call('capturesOf', uuids),
      verificationsBetween: (from, to) => history.call('verificationsBetween', from, to),
    };
  }

  /** Where the engine keeps what each saved event hook filter lets through, for `filter:` queries. */
  filterSeqs(): FilterSeqSink {
    const { history } = this;
    return {
      put: (name, seqs, replace) => history.call('putFilterSeqs', name, seqs, replace),
      drop: (name) => history.call('dropFilterSeqs', name),
    };
  }

  /** Why new exchanges cannot be stored right now (a read-only or full folder), if they cannot. */
  writable(): Promise<Error | null> {
    return this.history.log.writable();
  }

  stats(): HistoryStats {
    return this.history.stats();
  }

  async close(): Promise<void> {
    await this.history.close();
  }

  /**
   * Once the index has every stored record: a read waits for it only when it is close behind,
   * and what an import asks or removes must count them all. Throws, saying what that leaves
   * undone, while the index cannot take them.
   */
  private async everyStoredIndexed(undone: string): Promise<void> {
    await this.history.indexedThrough(this.history.log.end()).catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`The history index cannot take every stored exchange now, so ${undone} (${why}).`, {
        cause: error,
      });
    });
  }

  private announceRemoved(removed: Removed[]): void {
    if (removed.length === 0) return;
    const pinned = removed.filter((gone) => gone.pinned).length;
    this.history.counted(-removed.length, -pinned);
    this.options.listeners.removed(removed.map(({ id, seq, receivedAt }) => ({ id, seq, receivedAt })));
  }

  private async announceChanged(seqs: number[]): Promise<void> {
    if (seqs.length > ANNOUNCED_ONE_BY_ONE) return this.options.listeners.reloaded();
    for (const summary of await this.history.call('summariesOf', seqs))
      this.options.listeners.updated(summary);
  }
}
