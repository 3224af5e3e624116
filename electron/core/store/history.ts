import path from 'node:path';
import type { Exchange, ExchangeSummary } from '../../../shared/model/exchange';
import type { Logger } from '../deps';
import { checkFormat } from './history-format';
import { IndexClient, type IndexArgs, type IndexResult } from './index-client';
import type { IndexMethod } from './index/index-protocol';
import { IndexFeed } from './index-feed';
import type { IndexOpened } from './index/index-service';
import type { IndexTag, Removed } from './index/index-writer';
import { RecordLog, type WriteFault } from './records/record-log';
import type { LogPoint } from './records/record-scan';
import { openingOf, recordedSeqs } from './history-opening';
import { IndexRebuild } from './index-rebuild';
import { Retention, segmentBytesFor, type RetentionLimits } from './retention';
import { TimingWriter } from './timing-writer';
import { movedRecord } from './v1/migrate-v1';
import { MigrationRun } from './v1/migration-run';

export interface HistoryOptions {
  dir: string;
  /** This build's version, written into the folder's format marker. */
  version: string;
  /** The index thread's script (built next to the host's own bundle; tests build their own). */
  indexWorker: string;
  logger: Logger;
  retention: RetentionLimits;
  authHeader: () => string;
  segmentBytes?: number;
  writeFault?: WriteFault;
}

/** What the history tells the store about, once it happened in the index. */
export interface HistoryEvents {
  indexed: (summary: ExchangeSummary) => void;
  updated: (summary: ExchangeSummary) => void;
  removed: (gone: Removed[]) => void;
  /** So much changed (history moved over from an earlier format) that lists should be read again. */
  reloaded: () => void;
  /** The index could not be written (a full disk), or can again (null). */
  health: (error: Error | null) => void;
  /** A rebuild of the index progressed: the status says how far. */
  progress: () => void;
}

export interface HistoryStats {
  count: number;
  bytes: number;
  pinned: number;
  lastSeq: number;
  /** Stored but not indexed yet: the index is catching up with a burst (index-feed.ts). */
  unindexed: number;
  notices: string[];
}

/** Where the history of a data folder lives. */
export const historyPaths = (dataDir: string) => {
  const root = path.join(dataDir, 'history');
  return { root, records: path.join(root, 'records'), index: path.join(root, 'index.db') };
};

/**
 * A data folder's history, open: the record log, the index (on its own thread) and what works
 * on both. Opening reads the index's bookkeeping and the records written after its last commit
 * (normally none; a few after a crash), never the whole log.
 */
export class History {
  private seq: number;
  private count: number;
  private pinned: number;
  private migration: MigrationRun | null = null;
  private rebuild: IndexRebuild | null = null;
  /** Why the index cannot be written now, if it cannot. */
  private indexProblem: string | null = null;
  readonly timings: TimingWriter;
  readonly retention: Retention;

  private constructor(
    private readonly options: HistoryOptions,
    readonly index: IndexClient,
    readonly log: RecordLog<IndexTag>,
    private readonly feed: IndexFeed,
    opened: { lastSeq: number; count: number; pinned: number; evictedThrough: number },
    private readonly notices: string[],
    events: HistoryEvents,
  ) {
    this.seq = opened.lastSeq;
    this.count = opened.count;
    this.pinned = opened.pinned;
    this.timings = new TimingWriter(async (done) => {
      for (const summary of await index.call('timings', done)) events.updated(summary);
    }, options.logger);
    this.retention = new Retention(
      {
        index: { call: (method, ...args) => this.call(method, ...args) },
        indexedThrough: (point) => this.indexedThrough(point),
        log,
        logger: options.logger,
        count: () => this.count,
        indexBytes: () => feed.indexBytes(),
        removed: events.removed,
      },
      options.retention,
      opened.evictedThrough,
    );
  }

  static async open(options: HistoryOptions, events: HistoryEvents): Promise<History> {
    const paths = historyPaths(options.dir);
    await checkFormat(paths.root, options.version);
    const { client, opened } = await IndexClient.start(
      options.indexWorker,
      { paths, authHeader: options.authHeader() },
      options.logger,
    );
    try {
      return await History.assemble(options, paths, client, opened, events);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  private static async assemble(
    options: HistoryOptions,
    paths: ReturnType<typeof historyPaths>,
    client: IndexClient,
    opened: IndexOpened,
    events: HistoryEvents,
  ): Promise<History> {
    const notices = [...opened.notices];
    const notice = (message: string) => {
      options.logger.warn('history repaired', { message });
      notices.push(message);
    };
    const opening = await openingOf(
      { dataDir: options.dir, records: paths.records },
      client,
      opened,
      options.authHeader,
      notice,
    );
    const { end, rebuildFrom, target } = opening;
    let feed: IndexFeed | undefined;
    const log = await RecordLog.open<IndexTag>(paths.records, {
      end,
      rollOverBytes: options.segmentBytes ?? segmentBytesFor(options.retention.maxBytes),
      ...(options.writeFault ? { fault: options.writeFault } : {}),
      onWritten: (written) => feed?.written(written),
    });
    const health = (error: Error | null) => {
      history.indexProblem =
        error === null
          ? null
          : `The history index cannot be written (${error.message}): new exchanges are stored, and listed once it can be.`;
      events.health(error);
    };
    feed = new IndexFeed(
      client,
      () => log.end(),
      options.authHeader,
      {
        indexed: events.indexed,
        removed: events.removed,
        health: (error) => health(error),
        handingOver: () => void history.timings.flush(),
      },
      options.logger,
      { lastSeq: opening.lastSeq, bytes: opened.bytes, unindexedFrom: opening.unindexedFrom },
    );
    const history = new History(
      options,
      client,
      log,
      feed,
      { ...opening, pinned: opened.pinned, evictedThrough: opened.meta.evictedThrough ?? 0 },
      notices,
      events,
    );
    if (opening.v1) history.migrate(events.reloaded);
    if (rebuildFrom) {
      // What the log stores meanwhile is read back from it once the rebuild is done.
      feed.pause(end);
      const rebuild = new IndexRebuild({
        dir: paths.records,
        end,
        from: rebuildFrom,
        mark: async (point) => {
          await client.call('setMeta', 'rebuildSegment', point?.segment ?? null);
          await client.call('setMeta', 'rebuildOffset', point?.offset ?? null);
        },
        // Counted once indexed: a step that failed is read again.
        target: {
          ...target,
          found: () => undefined,
          index: async (batch, to) => {
            const replaced = await target.index(batch, to);
            history.counted(recordedSeqs(batch).length, 0);
            events.removed(replaced);
            return replaced;
          },
        },
        resume: () => feed.resume(),
        notice,
        progress: events.progress,
        finished: events.reloaded,
        logger: options.logger,
      });
      history.rebuild = rebuild;
      // Retention and Clear wait for it: the segments it reads stay, and it sees every row.
      void history.retention.exclusive(() => rebuild.start());
    }
    return history;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  lastSeq(): number {
    return this.seq;
  }

  /** Once the index has every record before `point` of the log (index-feed.ts `reached`). */
  indexedThrough(point: LogPoint): Promise<void> {
    return this.feed.reached(point);
  }

  /** Keep the counts in the status current without counting rows. */
  counted(stored: number, pinned: number): void {
    this.count += stored;
    this.pinned += pinned;
  }

  /**
   * A request to the index that sees every record written before it was asked (unless the
   * index is far behind a flood: then it answers from what it has, at once).
   */
  async call<M extends IndexMethod>(method: M, ...args: IndexArgs<M>): Promise<IndexResult<M>> {
    await this.feed.current();
    return this.index.call(method, ...args);
  }

  /** Seqs of the exchanges with these ids (unknown ids are left out). */
  async seqsOf(ids: string[]): Promise<Map<string, number>> {
    return new Map(await this.call('seqsOf', ids));
  }

  setRetention(limits: RetentionLimits): Promise<void> {
    this.log.setRollOverBytes(this.options.segmentBytes ?? segmentBytesFor(limits.maxBytes));
    this.retention.setLimits(limits);
    return this.retention.schedule();
  }

  stats(): HistoryStats {
    const rebuilding = this.rebuild?.notice() ?? null;
    const unindexed = this.feed.backlog();
    const burst = this.feed.burstBacklog();
    const catchingUp =
      rebuilding === null && burst > 0
        ? `Indexing ${burst.toLocaleString('en-US')} exchanges stored during a burst: lists and searches show them once indexed.`
        : null;
    const extra = [
      rebuilding,
      this.migration?.notice() ?? null,
      this.indexProblem,
      catchingUp,
      this.retention.notice(),
    ];
    return {
      count: this.count,
      bytes: this.log.totalBytes() + this.feed.indexBytes(),
      pinned: this.pinned,
      lastSeq: this.seq,
      unindexed,
      notices: [...this.notices, ...extra.filter((n) => n !== null)],
    };
  }

  async close(): Promise<void> {
    await this.rebuild?.stop();
    await this.migration?.stop();
    await this.retention.schedule();
    await this.timings.flush();
    await this.log.close();
    await this.feed.stop();
    await this.index.close();
  }

  private migrate(moved: () => void): void {
    this.migration = new MigrationRun({
      dataDir: this.options.dir,
      logger: this.options.logger,
      known: async (ids) => new Set((await this.seqsOf(ids)).keys()),
      store: (exchange, pinned) => this.storeMigrated(exchange, pinned),
      notice: (message) => this.notices.push(message),
      moved,
    });
  }

  /** An exchange of a format-1 history, with its seq, pin, final timing and judgement as they were. */
  private async storeMigrated(exchange: Exchange, pinned: boolean): Promise<void> {
    const { record, tag } = movedRecord(exchange, pinned);
    await this.feed.roomForRows();
    await this.log.append(record, tag);
    this.counted(1, pinned ? 1 : 0);
  }
}
