import type { Exchange, ExchangeKind, ExchangeOrigin } from '../../../shared/model/exchange';
import { summarize } from '../../../shared/model/summarize';
import { sightingKeys, type SightingKeys } from '../../../shared/okta/sightings';
import { isLogRecord, type LogRecord } from './records';
import { searchText } from './search-text';
import { SegmentLog, type LogNotice, type LogPosition } from './segment-log';
import { StoreIndex, type Entry } from './store-index';
import { SummaryPool } from './string-pool';
import { SearchCorpus } from './search-corpus';

/** What duplicate tracking needs to rebuild itself from a stored exchange. */
export interface RestoredExchange {
  id: string;
  kind: ExchangeKind;
  origin: ExchangeOrigin;
  /** It counts for duplicate tracking: it was judged when it arrived, and is not an import. */
  tracked: boolean;
  okta: SightingKeys;
}

export interface LoadedStore {
  index: StoreIndex;
  corpus: SearchCorpus;
  pool: SummaryPool;
  lastSeq: number;
  evictedThrough: number;
  /** Repairs of a torn or corrupt log, one sentence each. */
  notices: LogNotice[];
}

/**
 * Read the whole log and replay it into an index: the store's state at the last write. Every
 * exchange in the log is `restored` as it is read, deleted or evicted ones too: Okta did send
 * them, so a repeat of one is still a redelivery (as it is for those evicted while running).
 */
export async function loadStore(
  logDir: string,
  authHeader: string,
  restored: (exchange: RestoredExchange) => void,
): Promise<LoadedStore> {
  const loader = new Loader(authHeader, restored);
  const notices: LogNotice[] = [];
  await SegmentLog.scan(
    logDir,
    (record, position) => {
      if (isLogRecord(record)) loader.apply(record, position);
    },
    (notice) => notices.push(notice),
  );
  return loader.finish(notices);
}

class Loader {
  private readonly index = new StoreIndex();
  private readonly corpus = new SearchCorpus();
  private readonly pool = new SummaryPool();
  private lastSeq = 0;
  private evictedThrough = 0;

  constructor(
    private readonly authHeader: string,
    private readonly restored: (exchange: RestoredExchange) => void,
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

  finish(notices: LogNotice[]): LoadedStore {
    this.drop(this.index.unpinnedThrough(this.evictedThrough));
    return {
      index: this.index,
      corpus: this.corpus,
      pool: this.pool,
      lastSeq: this.lastSeq,
      evictedThrough: this.evictedThrough,
      notices,
    };
  }

  private exchange(exchange: Exchange, position: LogPosition, pinned: boolean): void {
    // A copy carried forward replaces the older record of the same exchange.
    const earlier = this.index.byId.get(exchange.id);
    if (earlier) this.drop([earlier]);
    else {
      this.restored({
        id: exchange.id,
        kind: exchange.kind,
        origin: exchange.origin,
        tracked: exchange.sightings !== undefined && exchange.origin !== 'imported',
        okta: sightingKeys(exchange.okta),
      });
    }
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
    for (const entry of this.index.remove(entries)) this.corpus.release(entry.search);
  }
}
