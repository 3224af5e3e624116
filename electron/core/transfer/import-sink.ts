import type { Exchange } from '../../../shared/model/exchange';
import type { DraftExchange } from '../receiver/describe-request';
import type { ExchangeStore, NewExchange } from '../store/exchange-store';
import type { Job } from './jobs';

export interface ImportDeps {
  store: ExchangeStore;
  newId: () => string;
  now: () => number;
}

/** Exchanges stored together (one group-committed write). */
const BATCH = 500;

/** An exchange read from the file, with the id the file gave it (our exports carry one). */
interface Incoming {
  draft: DraftExchange;
  fileId: string | undefined;
}

/**
 * Collects drafts, stores them in batches, and keeps the count of what was added, skipped and
 * already there. An exchange keeps the id it was exported with, so it is the same exchange in
 * every history it reaches: one whose id is already stored with the same time received is
 * already in history and is not stored again (also when the file repeats it). Every byte of the
 * file is untrusted: an id already taken by another exchange (another time received) never
 * replaces or hides it; the newcomer is stored under a new id and links follow it there.
 */
export class ImportSink {
  readonly added: string[] = [];
  private batch: Incoming[] = [];
  private skipped: string[] = [];
  private already = 0;
  /** File id → time received, of every exchange of this import so far (stored or in the batch). */
  private readonly seen = new Map<string, number>();
  /** File ids another exchange already held: the new id each newcomer was stored under. */
  private readonly renamed = new Map<string, string>();
  private readonly at: number;

  constructor(
    private readonly deps: ImportDeps,
    private readonly file: string,
    private readonly job: Job,
  ) {
    this.at = deps.now();
  }

  get aborted(): boolean {
    return this.job.signal.aborted;
  }

  progress(bytes: number): void {
    this.job.progress(bytes);
  }

  skip(reason: string): void {
    this.skipped.push(reason);
  }

  /** An exchange from our own export: everything kept but its place, noted as imported. */
  async addExported(exchange: Exchange): Promise<void> {
    const { id, seq, origin, ...rest } = exchange;
    const imported = { file: this.file, at: this.at, original: { id, seq, origin } };
    await this.add({ ...rest, origin: 'imported', imported }, id);
  }

  async add(draft: DraftExchange, fileId?: string): Promise<void> {
    if (fileId !== undefined) {
      const seenAt = this.seen.get(fileId);
      if (seenAt === draft.receivedAt) {
        this.already += 1;
        return;
      }
      // A second, different exchange under an id this file used already: a new id, below.
      if (seenAt === undefined) this.seen.set(fileId, draft.receivedAt);
      else fileId = undefined;
    }
    this.batch.push({ draft, fileId });
    if (this.batch.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    const fileIds = batch.flatMap(({ fileId }) => (fileId === undefined ? [] : [fileId]));
    const stored = await this.deps.store.receivedAtOf(fileIds);
    const news: NewExchange[] = [];
    for (const { draft, fileId } of batch) {
      const held = fileId === undefined ? undefined : stored.get(fileId);
      if (held !== undefined && held === draft.receivedAt) this.already += 1;
      else news.push(this.placed(draft, fileId, held !== undefined));
    }
    // A batch can take more than one write: if a later one fails (a full disk), those stored
    // before it are still noted, so that a failed import removes them too.
    const appended = await Promise.allSettled(news.map((draft) => this.deps.store.append(draft)));
    for (const result of appended) if (result.status === 'fulfilled') this.added.push(result.value.id);
    const failed = appended.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  finish(): void {
    const added = this.added.length;
    const { already } = this;
    const skipped = this.skipped.length;
    const why = skipped === 0 ? '' : ` ${skipped} skipped (${this.skipped[0]}${skipped > 1 ? ', …' : ''}).`;
    if (added === 0 && already === 0 && skipped > 0)
      throw new ImportError(`nothing could be imported:${why}`);
    const there = already === 0 ? '' : ` ${already} already in history.`;
    this.job.finish(`Imported ${count(added)} from ${this.file}.${there}${why}`, {
      imported: { added, already, skipped },
    });
  }

  /** The exchange with its id (the file's, unless taken) and links to renamed exchanges followed. */
  private placed(draft: DraftExchange, fileId: string | undefined, taken: boolean): NewExchange {
    let id = fileId ?? this.deps.newId();
    if (fileId !== undefined && taken) {
      id = this.deps.newId();
      this.renamed.set(fileId, id);
    }
    const link = (old: string) => this.renamed.get(old) ?? old;
    const placed: NewExchange = {
      ...draft,
      id,
      imported: draft.imported ?? { file: this.file, at: this.at },
    };
    if (draft.replayOf !== undefined) placed.replayOf = link(draft.replayOf);
    const { sightings } = draft;
    if (sightings) {
      placed.sightings = {
        ...sightings,
        ...(sightings.repeatOf === undefined ? {} : { repeatOf: link(sightings.repeatOf) }),
        repeatedEvents: sightings.repeatedEvents.map((e) => ({
          ...e,
          firstExchangeId: link(e.firstExchangeId),
        })),
      };
    }
    return placed;
  }
}

/** A file nothing could be read from: the import fails with this sentence. */
export class ImportError extends Error {}

const count = (n: number) => `${n} ${n === 1 ? 'exchange' : 'exchanges'}`;
