import type { Exchange } from '../../../shared/model/exchange';
import { summarize } from '../../../shared/model/summarize';
import { isLogRecord, type LogRecord } from './records';
import { searchText } from './search-text';
import type { ScanEnd } from './segment-scan';
import { SegmentLog, type LogNotice, type LogPosition } from './segment-log';
import { StoreIndex, type Entry } from './store-index';
import { SummaryPool } from './string-pool';
import { SearchCorpus } from './search-corpus';

export interface LoadedStore {
  index: StoreIndex;
  corpus: SearchCorpus;
  pool: SummaryPool;
  lastSeq: number;
  evictedThrough: number;
  /** Repairs of a torn or corrupt log, one sentence each. */
  notices: LogNotice[];
  /** Where writing resumes (see SegmentLog.open). */
  end: ScanEnd | undefined;
  /** Exchanges restored, then deleted or evicted by later records. */
  dropped: string[];
}

/**
 * Read the whole log and replay it into an index: the store's state at the last write. Every
 * exchange in the log is `restored` as it is read (its request headers still sealed), deleted or
 * evicted ones too: Okta did send them, so a repeat of one is still a redelivery (as it is for
 * those evicted while running). The ones dropped again are listed in `dropped`.
 */
export async function loadStore(
  logDir: string,
  authHeader: string,
  restored: (exchange: Exchange) => void,
): Promise<LoadedStore> {
  const loader = new Loader(authHeader, restored);
  const notices: LogNotice[] = [];
  const end = await SegmentLog.scan(
    logDir,
    (record, position) => {
      if (isLogRecord(record)) loader.apply(record, position);
    },
    (notice) => notices.push(notice),
  );
  return loader.finish(notices, end);
}

class Loader {
  private readonly index = new StoreIndex();
  private readonly corpus = new SearchCorpus();
  private readonly pool = new SummaryPool();
  private lastSeq = 0;
  private evictedThrough = 0;
  private readonly dropped: string[] = [];

  constructor(
    private readonly authHeader: string,
    private readonly restored: (exchange: Exchange) => void,
  ) {}

  apply(record: LogRecord, position: LogPosition): void {
    switch (record.r) {
      case 'exchange':
        return this.exchange(record.exchange, position, record.pinned === true);
      case 'timing': {
        const entry = this.index.byId.get(record.id);
        if (entry) this.index.setTiming(entry, record.timing);
        return;
      }
      case 'pin':
        for (const entry of this.entries(record.ids)) this.index.setPinned(entry, record.pinned);
        return;
      case 'delete':
        return this.drop(this.entries(record.ids));
      case 'evict':
        this.evictedThrough = Math.max(this.evictedThrough, record.through);
        this.lastSeq = Math.max(this.lastSeq, record.through);
    }
  }

  finish(notices: LogNotice[], end: ScanEnd | undefined): LoadedStore {
    this.drop(this.index.unpinnedThrough(this.evictedThrough));
    return {
      index: this.index,
      corpus: this.corpus,
      pool: this.pool,
      lastSeq: this.lastSeq,
      evictedThrough: this.evictedThrough,
      notices,
      end,
      dropped: this.dropped,
    };
  }

  private exchange(exchange: Exchange, position: LogPosition, pinned: boolean): void {
    // A copy carried forward replaces the older record of the same exchange.
    const earlier = this.index.byId.get(exchange.id);
    if (earlier) this.replace(earlier);
    else this.restored(exchange);
    const entry: Entry = {
      summary: this.pool.share(summarize(exchange, pinned)),
      position,
      search: this.corpus.add(searchText(exchange, this.authHeader)),
    };
    this.index.add(entry);
    this.lastSeq = Math.max(this.lastSeq, exchange.seq);
  }

  private entries(ids: string[]): Entry[] {
    return ids.flatMap((id) => this.index.byId.get(id) ?? []);
  }

  private drop(entries: Entry[]): void {
    for (const entry of this.index.remove(entries)) {
      this.corpus.release(entry.search);
      this.dropped.push(entry.summary.id);
    }
  }

  /** An older record of an exchange a later copy replaces: not a removal. */
  private replace(entry: Entry): void {
    for (const removed of this.index.remove([entry])) this.corpus.release(removed.search);
  }
}
