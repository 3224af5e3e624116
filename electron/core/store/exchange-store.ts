import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Exchange, ExchangeSummary, TimingRecord } from '../../../shared/model/exchange';
import type { Timeline } from '../../../shared/model/timeline';
import { summarize } from '../../../shared/model/summarize';
import { compileQuery } from '../../../shared/query/query-matcher';
import { parseQuery } from '../../../shared/query/query-parser';
import type { Logger } from '../deps';
import { sealExchange, unsealExchange } from '../secrets/exchange-secrets';
import { identitySealer, type HeaderSealer } from './header-sealer';
import { QueryEngine } from './query-engine';
import type { LogRecord } from './records';
import { Retention, segmentBytesFor, type RetentionLimits } from './retention';
import { searchText, type ParsedBody } from './search-text';
import { SegmentLog, type WriteFault } from './segment-log';
import type { Entry, StoreIndex } from './store-index';
import type { SummaryPool } from './string-pool';
import { loadStore } from './store-loader';
import type { SearchCorpus } from './search-corpus';
import { buildTimeline } from './timeline';

/** An exchange before the store has given it its place (seq). */
export type NewExchange = Omit<Exchange, 'seq'>;

export interface StoreListeners {
  appended(summary: ExchangeSummary): void;
  updated(summary: ExchangeSummary): void;
  /** Exchanges deleted or evicted (not sent for `clear`, which has its own event). */
  removed(ids: string[]): void;
  /**
   * Each exchange in the log, in the order it was written, while the store opens (credential
   * headers still sealed); those deleted or evicted since are then `removed`.
   */
  restored(exchange: Exchange): void;
}

export interface ListPage {
  items: ExchangeSummary[];
  nextCursor: number | null;
  total: number;
  /** The newest seq in the store: live pushes above it are new to this page's reader. */
  lastSeq: number;
}

/** Which exchanges a bulk action applies to: these ids, or all that match a query but some. */
export interface Selector {
  ids?: string[] | undefined;
  query?: string | undefined;
  except?: string[] | undefined;
}

export interface StoreOptions {
  dir: string;
  logger: Logger;
  listeners: StoreListeners;
  retention: RetentionLimits;
  /** The configured auth header: its values are kept out of the search text. */
  authHeader: () => string;
  now: () => number;
  /** Segment size; by default derived from the byte limit. Tests use small ones. */
  segmentBytes?: number;
  /** Simulated disk failures, for tests. */
  writeFault?: WriteFault;
  /** Encrypts credential headers on disk; none by default. */
  sealer?: HeaderSealer;
}

/**
 * The single source of truth for captured exchanges: a durable log on disk plus an in-memory
 * index of summaries (seq order) and search text. `append` resolves only after the record is
 * in the file; pins, deletions and evictions are records too, so all of it survives a restart.
 */
export class ExchangeStore {
  private lastSeq: number;
  /** Start-up repairs of the log, one sentence each, for the UI. */
  readonly repairs: string[];
  private readonly engine: QueryEngine;
  private readonly retention: Retention;
  private readonly sealer: HeaderSealer;

  private constructor(
    private readonly options: StoreOptions,
    private readonly log: SegmentLog,
    private readonly index: StoreIndex,
    private readonly corpus: SearchCorpus,
    private readonly pool: SummaryPool,
    loaded: { lastSeq: number; evictedThrough: number; notices: string[] },
  ) {
    this.lastSeq = loaded.lastSeq;
    this.repairs = loaded.notices;
    this.sealer = options.sealer ?? identitySealer;
    this.engine = new QueryEngine(index, corpus, options.now);
    this.retention = new Retention(
      {
        log,
        index,
        logger: options.logger,
        // Carried forward exactly as stored: credential headers stay sealed.
        read: (entry) => this.readStored(entry),
        evict: (entries) => this.removeEntries(entries, true),
      },
      options.retention,
      loaded.evictedThrough,
    );
  }

  static async open(options: StoreOptions): Promise<ExchangeStore> {
    const logDir = path.join(options.dir, 'exchanges');
    const loaded = await loadStore(logDir, options.authHeader(), (exchange) =>
      options.listeners.restored(exchange),
    );
    const notices = loaded.notices.map((notice) => `${notice.segment}: ${notice.message}`);
    for (const notice of loaded.notices) options.logger.warn('capture log repaired', { ...notice });
    const log = await SegmentLog.open(logDir, {
      rollOverBytes: options.segmentBytes ?? segmentBytesFor(options.retention.maxBytes),
      ...(loaded.end ? { end: loaded.end } : {}),
      ...(options.writeFault ? { fault: options.writeFault } : {}),
    });
    const lastSeq = Math.max(loaded.lastSeq, await readSeqFloor(options.dir));
    const store = new ExchangeStore(options, log, loaded.index, loaded.corpus, loaded.pool, {
      lastSeq,
      evictedThrough: loaded.evictedThrough,
      notices,
    });
    if (loaded.dropped.length > 0) options.listeners.removed(loaded.dropped);
    await store.retention.schedule();
    return store;
  }

  /**
   * Persist an exchange and give it its seq. Rejects if it could not be written. `parsed` is its
   * request body as the receiver already parsed it, if it did.
   */
  async append(draft: NewExchange, parsed?: ParsedBody): Promise<Exchange> {
    await this.sealer.persist();
    const exchange: Exchange = { ...draft, seq: ++this.lastSeq };
    const text = searchText(exchange, this.options.authHeader(), parsed);
    const onDisk = sealExchange(exchange, this.sealer);
    const position = await this.log.append(serialize({ r: 'exchange', exchange: onDisk }));
    const entry: Entry = {
      summary: this.pool.share(summarize(exchange)),
      position,
      search: this.corpus.add(text),
    };
    this.index.add(entry);
    this.options.listeners.appended(entry.summary);
    void this.retention.schedule();
    return exchange;
  }

  /**
   * Record the final timing once the answer has gone out. Best effort: if it cannot be
   * written, the stored exchange keeps the timing measured before it was written.
   */
  async completeTiming(id: string, timing: TimingRecord): Promise<void> {
    const entry = this.index.byId.get(id);
    if (!entry) return;
    this.index.setTiming(entry, timing);
    this.options.listeners.updated(entry.summary);
    await this.log.append(serialize({ r: 'timing', id, timing }));
  }

  list(options: { limit: number; cursor?: number | undefined; query?: string | undefined }): ListPage {
    const matches = this.engine.run(options.query ?? '');
    const end =
      options.cursor === undefined ? matches.length : this.index.firstIndexAtOrAbove(options.cursor, matches);
    const start = Math.max(0, end - options.limit);
    const items = matches
      .slice(start, end)
      .reverse()
      .map((entry) => entry.summary);
    const nextCursor = start > 0 ? (matches[start]?.summary.seq ?? null) : null;
    return { items, nextCursor, total: matches.length, lastSeq: this.lastSeq };
  }

  /** Which of these exchanges match the query (for live updates of a filtered list). */
  match(query: string, ids: string[]): string[] {
    const test = this.engine.matcher(query);
    return ids.filter((id) => {
      const entry = this.index.byId.get(id);
      return entry !== undefined && test(entry);
    });
  }

  timeline(query: string, maxBuckets: number): Timeline {
    const now = this.options.now();
    const { window } = compileQuery(parseQuery(query), now);
    return buildTimeline(this.engine.run(query), window, { maxBuckets, now });
  }

  /** The exchanges a selector names, oldest first. */
  select(selector: Selector): Entry[] {
    if (selector.ids !== undefined) {
      const entries = selector.ids.flatMap((id) => this.index.byId.get(id) ?? []);
      return [...new Set(entries)].sort((a, b) => a.summary.seq - b.summary.seq);
    }
    const except = new Set(selector.except ?? []);
    return this.engine.run(selector.query ?? '').filter((entry) => !except.has(entry.summary.id));
  }

  async get(id: string): Promise<Exchange | undefined> {
    const entry = this.index.byId.get(id);
    return entry ? this.read(entry) : undefined;
  }

  /** The full exchange behind an entry, with its final timing. */
  async read(entry: Entry): Promise<Exchange> {
    return unsealExchange(await this.readStored(entry), this.sealer);
  }

  /** The exchange as written, credential headers sealed, with its final timing. */
  private async readStored(entry: Entry): Promise<Exchange> {
    const record = JSON.parse(await this.log.read(entry.position)) as LogRecord;
    if (record.r !== 'exchange')
      throw new Error(`The log has no exchange at ${JSON.stringify(entry.position)}.`);
    return entry.timing ? { ...record.exchange, timing: entry.timing } : record.exchange;
  }

  async setPinned(entries: Entry[], pinned: boolean): Promise<number> {
    const changed = entries.filter((entry) => entry.summary.pinned !== pinned && this.isStored(entry));
    if (changed.length === 0) return 0;
    for (const entry of changed) {
      this.index.setPinned(entry, pinned);
      this.options.listeners.updated(entry.summary);
    }
    await this.log.append(serialize({ r: 'pin', ids: changed.map((e) => e.summary.id), pinned }));
    // An exchange unpinned below the watermark was only kept because it was pinned.
    if (!pinned) this.removeEntries(this.index.unpinnedThrough(this.retention.evictedThrough), true);
    void this.retention.schedule();
    return changed.length;
  }

  async delete(entries: Entry[]): Promise<number> {
    const doomed = entries.filter((entry) => this.isStored(entry));
    if (doomed.length === 0) return 0;
    this.removeEntries(doomed, true);
    await this.log.append(serialize({ r: 'delete', ids: doomed.map((e) => e.summary.id) }));
    void this.retention.schedule();
    return doomed.length;
  }

  /** Delete every exchange that is not pinned; seq keeps moving forward. Returns their ids. */
  clear(): Promise<string[]> {
    return this.retention.exclusive(async () => {
      const cleared = this.index.unpinnedThrough(this.lastSeq);
      this.retention.evictedThrough = Math.max(this.retention.evictedThrough, this.lastSeq);
      this.removeEntries(cleared, false);
      await this.log.rollOver();
      await this.retention.dropThrough(this.log.activeSegment() - 1);
      return cleared.map((entry) => entry.summary.id);
    });
  }

  setRetention(limits: RetentionLimits): Promise<void> {
    this.log.setRollOverBytes(this.options.segmentBytes ?? segmentBytesFor(limits.maxBytes));
    this.retention.setLimits(limits);
    return this.retention.schedule();
  }

  /** Why new exchanges cannot be stored right now (a read-only or full folder), if they cannot. */
  writable(): Promise<Error | null> {
    return this.log.writable();
  }

  stats(): { count: number; bytes: number; pinned: number; lastSeq: number; notices: string[] } {
    const warning = this.retention.notice();
    return {
      count: this.index.size,
      bytes: this.log.totalBytes(),
      pinned: this.index.pinned(),
      lastSeq: this.lastSeq,
      notices: warning === null ? this.repairs : [...this.repairs, warning],
    };
  }

  async close(): Promise<void> {
    await this.retention.schedule();
    await this.log.close();
  }

  private isStored(entry: Entry): boolean {
    return this.index.byId.get(entry.summary.id) === entry;
  }

  private removeEntries(entries: Entry[], announce: boolean): void {
    const removed = this.index.remove(entries);
    for (const entry of removed) this.corpus.release(entry.search);
    if (announce && removed.length > 0) this.options.listeners.removed(removed.map((e) => e.summary.id));
  }
}

const serialize = (record: LogRecord) => JSON.stringify(record);

/** Before evictions were logged, a clear kept the last seq here; older data folders may have it. */
async function readSeqFloor(dir: string): Promise<number> {
  try {
    const meta = JSON.parse(await fs.readFile(path.join(dir, 'store-meta.json'), 'utf8')) as {
      seqFloor?: unknown;
    };
    return typeof meta.seqFloor === 'number' && Number.isInteger(meta.seqFloor) ? meta.seqFloor : 0;
  } catch {
    return 0;
  }
}
