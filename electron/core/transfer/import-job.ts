import { createReadStream } from 'node:fs';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { checkExchange } from '../../../shared/contract/exchange-schema';
import type { Exchange } from '../../../shared/model/exchange';
import type { ImportSource } from '../deps';
import type { DraftExchange } from '../receiver/describe-request';
import type { ExchangeStore, NewExchange } from '../store/exchange-store';
import { exchangeFromHar } from './har-reader';
import type { Job } from './jobs';
import { isNdjsonHeader } from './ndjson-format';

export interface ImportDeps {
  store: ExchangeStore;
  newId: () => string;
  now: () => number;
}

/** A HAR file is one JSON document and must be read whole; beyond this, NDJSON is the way. */
const MAX_HAR_BYTES = 512 * 1024 * 1024;
/** Exchanges stored together (one group-committed write). */
const BATCH = 500;

class ImportError extends Error {}

/**
 * Read a HAR or NDJSON file into the store as `imported` exchanges. Entries that cannot be read
 * are skipped and counted; a file that is neither format fails with a sentence saying why. A
 * cancelled import removes what it had added, so it is all or nothing.
 */
export async function runImport(deps: ImportDeps, source: ImportSource, job: Job): Promise<void> {
  const sink = new ImportSink(deps, source.name, job);
  try {
    const { size } = await stat(source.path);
    job.progress(0, size);
    const format = await detectFormat(source.path);
    if (format === 'har') await readHar(source.path, size, sink);
    else await readNdjson(source.path, sink);
    await sink.flush();
    if (job.signal.aborted) {
      await deps.store.delete(await deps.store.select({ ids: sink.added }));
      job.cancelled('Import cancelled; nothing was added.');
    } else sink.finish();
  } catch (error) {
    await deps.store.delete(await deps.store.select({ ids: sink.added }));
    if (error instanceof ImportError) job.fail(`${source.name}: ${error.message}`);
    else throw error;
  } finally {
    if (source.temporary) await rm(source.path, { force: true });
  }
}

async function detectFormat(path: string): Promise<'har' | 'ndjson'> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(64 * 1024);
  const { bytesRead } = await handle.read(head, 0, head.length, 0).finally(() => handle.close());
  const text = head.toString('utf8', 0, bytesRead).replace(/^\uFEFF/, '');
  const firstLine = text.split('\n', 1)[0] ?? '';
  if (isNdjsonHeader(parseJson(firstLine))) return 'ndjson';
  if (/^\s*\{/.test(text) && /"log"\s*:/.test(text)) return 'har';
  throw new ImportError(
    'this is neither a HAR file nor an Okta Hook Inspector export (NDJSON starting with its format line).',
  );
}

async function readHar(path: string, size: number, sink: ImportSink): Promise<void> {
  if (size > MAX_HAR_BYTES)
    throw new ImportError('HAR files over 512 MB cannot be imported; export as NDJSON instead.');
  const har = parseJson((await readFile(path, 'utf8')).replace(/^\uFEFF/, '')) as
    { log?: { entries?: unknown } } | undefined;
  const entries = har?.log?.entries;
  if (!Array.isArray(entries)) throw new ImportError('not a HAR file: it has no log.entries list.');
  for (const [index, entry] of entries.entries()) {
    if (sink.aborted) return;
    const draft = exchangeFromHar(entry);
    if ('error' in draft) sink.skip(`entry ${index + 1}: ${draft.error}`);
    else await sink.add(draft);
    sink.progress(Math.round(((index + 1) / entries.length) * size));
  }
}

async function readNdjson(path: string, sink: ImportSink): Promise<void> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let lineNumber = 0;
  let bytes = 0;
  for await (const line of lines) {
    lineNumber += 1;
    bytes += Buffer.byteLength(line) + 1;
    if (lineNumber === 1 || line.trim() === '') continue;
    if (sink.aborted) break;
    // The schema every stored exchange satisfies, before anything is written.
    const read = checkExchange(parseJson(line));
    if ('error' in read) sink.skip(`line ${lineNumber}: ${read.error}`);
    else await sink.add(sink.fromExport(read.value));
    sink.progress(bytes);
  }
  lines.close();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Collects drafts, stores them in batches, and keeps the count of what was added and skipped. */
class ImportSink {
  readonly added: string[] = [];
  private batch: NewExchange[] = [];
  private skipped: string[] = [];
  /** Original id → new id, so links between imported exchanges still point at each other. */
  private readonly ids = new Map<string, string>();
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

  /** An exchange from our own export: everything kept, apart from its new id and place. */
  fromExport(exchange: Exchange): DraftExchange & { id: string } {
    const { id, seq, origin, ...rest } = exchange;
    const newId = this.deps.newId();
    this.ids.set(id, newId);
    const link = (old: string) => this.ids.get(old) ?? old;
    const draft: DraftExchange & { id: string } = {
      ...rest,
      id: newId,
      origin: 'imported',
      imported: { file: this.file, at: this.at, original: { id, seq, origin } },
    };
    if (rest.replayOf !== undefined) draft.replayOf = link(rest.replayOf);
    if (rest.sightings) {
      draft.sightings = {
        ...rest.sightings,
        ...(rest.sightings.repeatOf === undefined ? {} : { repeatOf: link(rest.sightings.repeatOf) }),
        repeatedEvents: rest.sightings.repeatedEvents.map((e) => ({
          ...e,
          firstExchangeId: link(e.firstExchangeId),
        })),
      };
    }
    return draft;
  }

  async add(draft: DraftExchange & { id?: string }): Promise<void> {
    this.batch.push({
      ...draft,
      id: draft.id ?? this.deps.newId(),
      imported: draft.imported ?? { file: this.file, at: this.at },
    });
    if (this.batch.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    const stored = await Promise.all(batch.map((draft) => this.deps.store.append(draft)));
    for (const exchange of stored) this.added.push(exchange.id);
  }

  finish(): void {
    const added = this.added.length;
    const skipped = this.skipped.length;
    const why = skipped === 0 ? '' : ` ${skipped} skipped (${this.skipped[0]}${skipped > 1 ? ', …' : ''}).`;
    if (added === 0 && skipped > 0) throw new ImportError(`nothing could be imported:${why}`);
    const exchanges = added === 1 ? 'exchange' : 'exchanges';
    this.job.finish(`Imported ${added} ${exchanges} from ${this.file}.${why}`, {
      imported: { added, skipped },
    });
  }
}
