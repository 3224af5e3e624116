import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Exchange, ExchangeSummary, TimingRecord } from '../../../shared/model/exchange';
import type { Logger } from '../deps';
import { identitySealer, type HeaderSealer } from './header-sealer';
import { isLogRecord, type LogRecord } from './records';
import { SegmentLog, type LogPosition, type WriteFault } from './segment-log';
import { summarize } from '../../../shared/model/summarize';

/** An exchange before the store has given it its place (seq). */
export type NewExchange = Omit<Exchange, 'seq'>;

interface Entry {
  summary: ExchangeSummary;
  position: LogPosition;
  /** The final timing, once known; the record on disk holds the provisional one. */
  timing?: TimingRecord;
}

export interface StoreListeners {
  appended(summary: ExchangeSummary): void;
  updated(summary: ExchangeSummary): void;
  /** Each stored exchange, in seq order, while the store opens. */
  restored(exchange: Exchange): void;
}

export interface ListPage {
  items: ExchangeSummary[];
  nextCursor: number | null;
  total: number;
}

interface Meta {
  /** Seq of the last exchange before the most recent clear; seq never goes back. */
  seqFloor: number;
}

/**
 * The single source of truth for captured exchanges: a durable log on disk plus an in-memory
 * index of summaries in seq order. `append` resolves only after the record is in the file.
 */
export class ExchangeStore {
  private entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private lastSeq = 0;
  private bytes = 0;

  private constructor(
    private readonly dir: string,
    private readonly log: SegmentLog,
    private readonly listeners: StoreListeners,
    private readonly sealer: HeaderSealer,
  ) {}

  static async open(options: {
    dir: string;
    logger: Logger;
    listeners: StoreListeners;
    /** Simulated disk failures, for tests. */
    writeFault?: WriteFault;
    /** Encrypts credential headers on disk; none by default. */
    sealer?: HeaderSealer;
  }): Promise<ExchangeStore> {
    const logDir = path.join(options.dir, 'exchanges');
    const meta = await readMeta(options.dir);
    const loaded: { record: LogRecord; position: LogPosition }[] = [];
    const end = await SegmentLog.scan(
      logDir,
      (record, position) => {
        if (isLogRecord(record)) loaded.push({ record, position });
      },
      (notice) => options.logger.warn('capture log repaired', { ...notice }),
    );
    const log = await SegmentLog.open(logDir, {
      ...(end ? { end } : {}),
      ...(options.writeFault ? { fault: options.writeFault } : {}),
    });
    const sealer = options.sealer ?? identitySealer;
    const store = new ExchangeStore(options.dir, log, options.listeners, sealer);
    store.lastSeq = meta.seqFloor;
    for (const { record, position } of loaded) store.load(record, position);
    return store;
  }

  /** Persist an exchange and give it its seq. Rejects if it could not be written. */
  async append(draft: NewExchange): Promise<Exchange> {
    await this.sealer.persist();
    const exchange: Exchange = { ...draft, seq: ++this.lastSeq };
    const onDisk = {
      ...exchange,
      request: { ...exchange.request, headers: this.sealer.seal(exchange.request.headers) },
    };
    const position = await this.log.append(JSON.stringify({ r: 'exchange', exchange: onDisk }));
    const entry: Entry = { summary: summarize(exchange), position };
    this.index(entry);
    this.listeners.appended(entry.summary);
    return exchange;
  }

  /**
   * Record the final timing once the answer has gone out. Best effort: if it cannot be
   * written, the stored exchange keeps the timing measured before it was written.
   */
  async completeTiming(id: string, timing: TimingRecord): Promise<void> {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.applyTiming(entry, timing);
    this.listeners.updated(entry.summary);
    await this.log.append(JSON.stringify({ r: 'timing', id, timing }));
  }

  list(options: { limit: number; cursor?: number | undefined }): ListPage {
    const end = options.cursor === undefined ? this.entries.length : this.firstIndexAtOrAbove(options.cursor);
    const start = Math.max(0, end - options.limit);
    const items = this.entries
      .slice(start, end)
      .reverse()
      .map((entry) => entry.summary);
    const nextCursor = start > 0 ? (this.entries[start]?.summary.seq ?? null) : null;
    return { items, nextCursor, total: this.entries.length };
  }

  async get(id: string): Promise<Exchange | undefined> {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    const record = JSON.parse(await this.log.read(entry.position)) as LogRecord;
    if (record.r !== 'exchange') return undefined;
    const exchange = record.exchange;
    exchange.request.headers = this.sealer.unseal(exchange.request.headers);
    if (entry.timing) exchange.timing = entry.timing;
    return exchange;
  }

  async clear(): Promise<number> {
    const cleared = this.entries.length;
    await this.log.clear();
    await writeMeta(this.dir, { seqFloor: this.lastSeq });
    this.entries = [];
    this.byId.clear();
    this.bytes = 0;
    return cleared;
  }

  /** Why new exchanges cannot be stored right now (a read-only or full folder), if they cannot. */
  writable(): Promise<Error | null> {
    return this.log.writable();
  }

  stats(): { count: number; bytes: number; lastSeq: number } {
    return { count: this.entries.length, bytes: this.bytes, lastSeq: this.lastSeq };
  }

  close(): Promise<void> {
    return this.log.close();
  }

  private load(record: LogRecord, position: LogPosition): void {
    if (record.r === 'exchange') {
      this.index({ summary: summarize(record.exchange), position });
      this.listeners.restored(record.exchange);
      this.lastSeq = Math.max(this.lastSeq, record.exchange.seq);
      return;
    }
    const entry = this.byId.get(record.id);
    if (entry) this.applyTiming(entry, record.timing);
  }

  private applyTiming(entry: Entry, timing: TimingRecord): void {
    entry.timing = timing;
    entry.summary = { ...entry.summary, durationMs: timing.durationMs };
  }

  private index(entry: Entry): void {
    this.entries.push(entry);
    this.byId.set(entry.summary.id, entry);
    this.bytes += entry.position.length;
  }

  /** Binary search over seq (entries are in seq order). */
  private firstIndexAtOrAbove(seq: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.entries[mid]?.summary.seq ?? Infinity) < seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

async function readMeta(dir: string): Promise<Meta> {
  try {
    const meta = JSON.parse(await fs.readFile(path.join(dir, 'store-meta.json'), 'utf8')) as Meta;
    return { seqFloor: Number.isInteger(meta.seqFloor) ? meta.seqFloor : 0 };
  } catch {
    return { seqFloor: 0 };
  }
}

async function writeMeta(dir: string, meta: Meta): Promise<void> {
  const file = path.join(dir, 'store-meta.json');
  await fs.writeFile(`${file}.tmp`, JSON.stringify(meta));
  await fs.rename(`${file}.tmp`, file);
}
