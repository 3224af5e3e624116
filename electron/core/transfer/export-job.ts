import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Exchange } from '../../../shared/model/exchange';
import type { Credentials } from '../../../shared/okta/secret-mask';
import type { ExportTarget } from '../deps';
import { exchangeForCaller } from '../secrets/exchange-secrets';
import type { ExchangeStore } from '../store/exchange-store';
import { harEntry } from './har-writer';
import type { Job } from './jobs';
import { ndjsonHeader } from './ndjson-format';

export type ExportFormat = 'har' | 'ndjson';

export interface ExportRequest {
  format: ExportFormat;
  /** Seqs of the exchanges to write, oldest first. */
  seqs: number[];
  revealSecrets: boolean;
  target: ExportTarget;
  name: string;
}

export interface ExportDeps {
  store: ExchangeStore;
  credentials: () => Credentials;
  version: string;
  now: () => number;
}

/** Output is written in pieces about this big. */
const FLUSH_BYTES = 256 * 1024;
/** Records read from the log at once: the reads overlap instead of waiting on each other. */
const READ_AHEAD = 64;

/**
 * Stream the exchanges to the target file, one at a time (an export can be larger than memory
 * would like), masking secrets unless asked not to. A cancelled or failed export leaves no file.
 */
export async function runExport(deps: ExportDeps, request: ExportRequest, job: Job): Promise<void> {
  const out = createWriteStream(request.target.path);
  const writer = new ChunkedWriter(out);
  try {
    const format = formatter(deps, request);
    await writer.write(format.head);
    let written = 0;
    for (let start = 0; start < request.seqs.length && !job.signal.aborted; start += READ_AHEAD) {
      const group = request.seqs.slice(start, start + READ_AHEAD);
      for (const exchange of await Promise.all(group.map((seq) => readIfStored(deps.store, seq)))) {
        if (exchange)
          await writer.write(
            format.item(
              exchangeForCaller(exchange, {
                revealSecrets: request.revealSecrets,
                credentials: deps.credentials(),
              }),
              written++,
            ),
          );
      }
      job.progress(start + group.length);
    }
    await writer.write(format.tail);
    await writer.close();
    if (job.signal.aborted) {
      await rm(request.target.path, { force: true });
      job.cancelled('Export cancelled; no file was written.');
      return;
    }
    job.finish(`Exported ${written} exchanges to ${request.name}.`, { file: fileOf(request) });
  } catch (error) {
    out.destroy();
    await rm(request.target.path, { force: true });
    throw error;
  }
}

const fileOf = (request: ExportRequest) => ({
  name: request.name,
  path: request.target.path,
  ...(request.target.downloadUrl === undefined ? {} : { downloadUrl: request.target.downloadUrl }),
});

function formatter(deps: ExportDeps, request: ExportRequest) {
  if (request.format === 'ndjson') {
    const header = ndjsonHeader(request.seqs.length, deps.now(), !request.revealSecrets);
    return { head: `${JSON.stringify(header)}\n`, item: (e: Exchange) => `${JSON.stringify(e)}\n`, tail: '' };
  }
  const creator = JSON.stringify({ name: 'Okta Hook Inspector', version: deps.version });
  return {
    head: `{"log":{"version":"1.2","creator":${creator},"pages":[],"entries":[\n`,
    item: (e: Exchange, index: number) => `${index === 0 ? '' : ',\n'}${JSON.stringify(harEntry(e))}`,
    tail: '\n]}}\n',
  };
}

/** Deleted or evicted since the export started: skipped. */
async function readIfStored(store: ExchangeStore, seq: number): Promise<Exchange | null> {
  try {
    return (await store.read(seq)) ?? null;
  } catch {
    return null;
  }
}

/** Gathers small strings into large writes and respects backpressure. */
class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;
  private error: Error | null = null;

  constructor(private readonly out: WriteStream) {
    // The file may fail to open or fill the disk at any moment, not only while we wait.
    out.on('error', (error) => (this.error ??= error));
  }

  async write(text: string): Promise<void> {
    if (this.error) throw this.error;
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    if (!this.out.closed) await once(this.out, 'close');
    if (this.error) throw this.error;
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
