import { createReadStream } from 'node:fs';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { checkExchange } from '../../../shared/contract/exchange-schema';
import type { ImportSource } from '../deps';
import { diskCause } from '../store/storage-problem';
import { exchangeFromHar, harExchangeId } from './har-reader';
import { ImportError, ImportSink, type ImportDeps } from './import-sink';
import type { Job } from './jobs';
import { isNdjsonHeader } from './ndjson-format';

export type { ImportDeps } from './import-sink';

/** A HAR file is one JSON document and must be read whole; beyond this, NDJSON is the way. */
const MAX_HAR_BYTES = 512 * 1024 * 1024;
/**
 * Read a HAR or NDJSON file into the store as `imported` exchanges. Entries that cannot be read
 * are skipped and counted; a file that is neither format fails with a sentence saying why. A
 * cancelled or failed import removes what it had added, so it is all or nothing; if that removal
 * fails too, the job's one sentence says why it stopped and what stays in history.
 */
export async function runImport(deps: ImportDeps, source: ImportSource, job: Job): Promise<void> {
  const sink = new ImportSink(deps, source.name, job);
  try {
    try {
      await readInto(source.path, sink, job);
      if (!job.signal.aborted) return sink.finish();
    } catch (error) {
      const left = await leftBehind(deps, sink, source.name);
      if (error instanceof ImportError) return job.fail(`${source.name}: ${withLeft(error.message, left)}`);
      if (left === null) throw error;
      // Thrown on, so the job fails as any other does ("Import … failed: …"), with what stays.
      throw new Error(withLeft(messageOf(error), left), { cause: error });
    }
    const left = await leftBehind(deps, sink, source.name);
    job.cancelled(left === null ? 'Import cancelled; nothing was added.' : `Import cancelled, but ${left}`);
  } finally {
    if (source.temporary) await rm(source.path, { force: true });
  }
}

async function readInto(path: string, sink: ImportSink, job: Job): Promise<void> {
  const { size } = await stat(path);
  job.progress(0, size);
  const format = await detectFormat(path);
  if (format === 'har') await readHar(path, size, sink);
  else await readNdjson(path, sink);
  await sink.flush();
}

/**
 * Remove what the import added. Null once it is gone; if it cannot be removed (the index cannot
 * be written now), the clause saying what stays in history, and why, for the job's sentence:
 * removing must not throw over the reason the import stopped.
 */
async function leftBehind(deps: ImportDeps, sink: ImportSink, file: string): Promise<string | null> {
  const added = sink.added.length;
  try {
    await deps.store.deleteStored(sink.added);
    return null;
  } catch (error) {
    const [these, it] =
      added === 1 ? ['the 1 exchange', 'it stays'] : [`the ${added} exchanges`, 'they stay'];
    return `${these} it had added could not be removed (${briefly(error)}), so ${it} in history marked as imported from ${file}.`;
  }
}

/** Why the import stopped, then what it leaves behind: one sentence. */
const withLeft = (why: string, left: string | null) =>
  left === null ? why : `${why.replace(/\.$/, '')}, and ${left}`;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The innermost reason, not the sentence a store wraps it in; a disk's codes made plain. */
function briefly(error: unknown): string {
  let inner = error;
  // Bounded: a cause chain is a few links, and a looping one must not hang the job.
  for (let depth = 0; depth < 8 && inner instanceof Error && inner.cause !== undefined; depth += 1)
    inner = inner.cause;
  const cause = diskCause(inner);
  if (cause === 'full') return 'the disk is full';
  if (cause === 'read-only') return 'the data folder cannot be written';
  return messageOf(inner).replace(/\.$/, '');
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
    else await sink.add(draft, harExchangeId(entry));
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
    const json = parseJson(line);
    const read = json === undefined ? { error: NOT_JSON } : checkExchange(json);
    if ('error' in read) sink.skip(`line ${lineNumber}: ${read.error}`);
    else await sink.addExported(read.value);
    sink.progress(bytes);
  }
  lines.close();
}

/** A line that is not JSON at all: most often the last one of a file cut short. */
const NOT_JSON = 'not JSON (the file may be cut short or damaged here)';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
