import path from 'node:path';
import type { Exchange, ExchangeSummary } from '../../../shared/model/exchange';
import type { Logger } from '../deps';
import { checkFormat } from './history-format';
import { IndexClient } from './index-client';
import type { IndexOpened } from './index/index-service';
import type { Indexed, IndexTag, Removed } from './index/index-writer';
import { RecordLog, type WriteFault, type Written } from './records/record-log';
import type { LogPoint } from './records/record-scan';
import { recoverTail } from './recover-tail';
import { Retention, segmentBytesFor, type RetentionLimits } from './retention';
import { TimingWriter } from './timing-writer';
import { findV1History, migrateV1 } from './v1/migrate-v1';
import { deliveryKeys } from './index/event-keys';
import { encodeRecord } from './records/record-frame';
import { summarize } from '../../../shared/model/summarize';

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
  /** A format-1 history being moved over, and how far along. */
  private migrating: { done: number; total: number } | null = null;
  private migration: Promise<void> = Promise.resolve();
  private stopping = false;
  /** What the index made of records just written, until their appends take it. */
  private readonly indexed = new Map<number, Indexed>();
  /** The highest seq written: the next start continues after it. */
  private written: number;
  private count: number;
  private pinned: number;
  private indexBytes: number;
  readonly timings: TimingWriter;
  readonly retention: Retention;

  private constructor(
    private readonly options: HistoryOptions,
    readonly index: IndexClient,
    readonly log: RecordLog<IndexTag>,
    opened: { lastSeq: number; count: number; pinned: number; bytes: number; evictedThrough: number },
    private readonly notices: string[],
    removed: (gone: Removed[]) => void,
  ) {
    this.seq = opened.lastSeq;
    this.written = opened.lastSeq;
    this.count = opened.count;
    this.pinned = opened.pinned;
    this.indexBytes = opened.bytes;
    this.timings = new TimingWriter((done) => index.call('timings', done), options.logger);
    this.retention = new Retention(
      {
        index,
        log,
        logger: options.logger,
        count: () => this.count,
        indexBytes: () => this.indexBytes,
        removed,
      },
      options.retention,
      opened.evictedThrough,
    );
  }

  static async open(options: HistoryOptions, removed: (gone: Removed[]) => void): Promise<History> {
    const paths = historyPaths(options.dir);
    await checkFormat(paths.root, options.version);
    const { client, opened } = await IndexClient.start(
      options.indexWorker,
      { paths, authHeader: options.authHeader() },
      options.logger,
    );
    try {
      return await History.assemble(options, paths, client, opened, removed);
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
    removed: (gone: Removed[]) => void,
  ): Promise<History> {
    const notices = [...opened.notices];
    // New exchanges follow the seqs of a history being moved over from format 1.
    const v1 = await findV1History(options.dir);
    const state = {
      lastSeq: Math.max(opened.meta.lastSeq ?? 0, v1?.lastSeq ?? 0),
      count: opened.count,
      bytes: opened.bytes,
    };
    const index = async (batch: Written<IndexTag>[], end: LogPoint) => {
      for (const { tag } of batch) {
        if (tag.kind !== 'new') continue;
        state.lastSeq = Math.max(state.lastSeq, tag.summary.seq);
        state.count += 1;
      }
      ({ bytes: state.bytes } = await client.call(
        'written',
        batch,
        state.lastSeq,
        end,
        options.authHeader(),
      ));
    };
    const end = await recoverTail(
      paths.records,
      { index, knownSeqs: (ids) => client.call('seqsOf', ids) },
      { segment: opened.meta.logSegment ?? 0, offset: opened.meta.logOffset ?? 0 },
      (message) => {
        options.logger.warn('history repaired', { message });
        notices.push(message);
      },
    );
    let history: History | undefined;
    const log = await RecordLog.open<IndexTag>(paths.records, {
      end,
      rollOverBytes: options.segmentBytes ?? segmentBytesFor(options.retention.maxBytes),
      ...(options.writeFault ? { fault: options.writeFault } : {}),
      afterWrite: (written) => history?.indexWritten(written) ?? Promise.resolve(),
    });
    history = new History(
      options,
      client,
      log,
      { ...state, pinned: opened.pinned, evictedThrough: opened.meta.evictedThrough ?? 0 },
      notices,
      removed,
    );
    if (v1) history.migrating = { done: 0, total: 0 };
    return history;
  }

  /**
   * Move a format-1 history over, in the background: the receiver answers meanwhile. `moved`
   * is told at each step, so lists are read again. An interruption resumes at the next start.
   */
  startMigration(moved: () => void): void {
    if (this.migrating === null) return;
    const { logger } = this.options;
    this.migration = migrateV1(
      this.options.dir,
      {
        known: async (ids) => new Set((await this.seqsOf(ids)).keys()),
        store: (exchange, pinned) => this.storeMigrated(exchange, pinned),
        skipped: (id, reason) => {
          logger.warn('history record not moved from format 1', { id, reason });
          this.notices.push(`Exchange ${id} of the earlier history was left out: ${reason}.`);
        },
        progress: (done, total) => {
          this.migrating = { done, total };
          moved();
        },
      },
      { stopped: () => this.stopping },
    ).then(
      (copied) => {
        if (copied === null) return;
        this.migrating = null;
        logger.info('history moved from format 1', { copied });
        moved();
      },
      (error: unknown) => {
        this.migrating = null;
        logger.error('history not moved from format 1', { error: String(error) });
        this.notices.push(
          `Moving the history of an earlier version failed (${String(error)}); it is tried again at the next start.`,
        );
      },
    );
  }

  /** An exchange of a format-1 history, with its seq, pin, final timing and judgement as they were. */
  private async storeMigrated(exchange: Exchange, pinned: boolean): Promise<void> {
    const { sightings, ...rest } = exchange;
    await this.log.append(encodeRecord(rest), {
      kind: 'new',
      summary: summarize(exchange, pinned),
      keys: deliveryKeys(exchange),
      sightings,
      timing: exchange.timing,
    });
    this.counted(1, pinned ? 1 : 0);
  }

  /** Take what the index made of a record just written (its summary, what was judged of it). */
  takeIndexed(seq: number): Indexed | undefined {
    const found = this.indexed.get(seq);
    this.indexed.delete(seq);
    return found;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  lastSeq(): number {
    return this.seq;
  }

  /** Keep the counts in the status current without counting rows. */
  counted(stored: number, pinned: number): void {
    this.count += stored;
    this.pinned += pinned;
  }

  /** Seqs of the exchanges with these ids (unknown ids are left out). */
  async seqsOf(ids: string[]): Promise<Map<string, number>> {
    return new Map(await this.index.call('seqsOf', ids));
  }

  async summaryOf(id: string): Promise<ExchangeSummary | undefined> {
    const seq = (await this.seqsOf([id])).get(id);
    return seq === undefined ? undefined : (await this.index.call('summariesOf', [seq]))[0];
  }

  setRetention(limits: RetentionLimits): Promise<void> {
    this.log.setRollOverBytes(this.options.segmentBytes ?? segmentBytesFor(limits.maxBytes));
    this.retention.setLimits(limits);
    return this.retention.schedule();
  }

  stats(): { count: number; bytes: number; pinned: number; lastSeq: number; notices: string[] } {
    const warning = this.retention.notice();
    const moving = this.migrating;
    const progress =
      moving === null
        ? []
        : [
            `Moving the history of an earlier version: ${moving.done.toLocaleString('en-US')} of ${moving.total.toLocaleString('en-US')} exchanges so far.`,
          ];
    return {
      count: this.count,
      bytes: this.log.totalBytes() + this.indexBytes,
      pinned: this.pinned,
      lastSeq: this.seq,
      notices: [...this.notices, ...progress, ...(warning === null ? [] : [warning])],
    };
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.migration;
    await this.retention.schedule();
    await this.timings.flush();
    await this.log.close();
    await this.index.close();
  }

  private async indexWritten(written: Written<IndexTag>[]): Promise<void> {
    const seqs = written.flatMap(({ tag }) => (tag.kind === 'new' ? [tag.summary.seq] : []));
    this.written = Math.max(this.written, ...seqs);
    const end = this.log.end();
    const { indexed, bytes } = await this.index.call(
      'written',
      written,
      this.written,
      end,
      this.options.authHeader(),
    );
    this.indexBytes = bytes;
    for (const entry of indexed) this.indexed.set(entry.summary.seq, entry);
  }
}
