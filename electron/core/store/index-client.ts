import { Worker } from 'node:worker_threads';
import type { Logger } from '../deps';
import type { IndexMethod, IndexReply, IndexRequest, IndexWorkerData } from './index/index-protocol';
import type { IndexOpened, IndexService } from './index/index-service';

export type IndexResult<M extends IndexMethod> = IndexService[M] extends (...args: never[]) => infer R
  ? R
  : never;
export type IndexArgs<M extends IndexMethod> = IndexService[M] extends (...args: infer A) => unknown
  ? A
  : never;

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** An error from the index thread, with the code it had there (ENOSPC, SQLITE_FULL…). */
const rebuilt = ({ message, code }: { message: string; code?: string }) =>
  Object.assign(new Error(message), code === undefined ? {} : { code });

/**
 * The engine's side of the index thread: typed requests, answered in order. If the thread
 * dies (it should not), waiting requests fail and the next one starts it again.
 */
export class IndexClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  private constructor(
    private readonly script: string,
    private readonly data: IndexWorkerData,
    private readonly logger: Logger,
  ) {}

  /** Start the thread and open the index; resolves with what the index holds. */
  static async start(script: string, data: IndexWorkerData, logger: Logger) {
    const client = new IndexClient(script, data, logger);
    return { client, opened: await client.spawn() };
  }

  call<M extends IndexMethod>(method: M, ...args: IndexArgs<M>): Promise<IndexResult<M>> {
    const worker = this.worker;
    if (worker === null) {
      return this.spawn().then(() => this.call(method, ...args));
    }
    const id = this.nextId++;
    return new Promise<IndexResult<M>>((resolve, reject) => {
      this.waiting.set(id, { resolve: (value) => resolve(value as IndexResult<M>), reject });
      worker.postMessage({ id, method, args } satisfies IndexRequest);
    });
  }

  /** Close the index and end the thread: every file it had open is released. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return;
    await this.call('close').catch((error: unknown) =>
      this.logger.warn('history index not closed cleanly', { error: String(error) }),
    );
    this.worker = null;
    await worker.terminate();
  }

  private spawn(): Promise<IndexOpened> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.script, { workerData: this.data });
      this.worker = worker;
      worker.on('message', (reply: IndexReply) => {
        if ('opened' in reply) resolve(reply.opened);
        else if ('failed' in reply) reject(rebuilt(reply.failed));
        else if ('log' in reply) this.logger[reply.log](reply.message, reply.fields);
        else this.settle(reply);
      });
      worker.on('error', (error) => {
        this.logger.error('history index thread failed', { error: String(error) });
        reject(error);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        const error = new Error(`The history index stopped (exit code ${code}).`);
        for (const waiting of this.waiting.values()) waiting.reject(error);
        this.waiting.clear();
        reject(error);
      });
    });
  }

  private settle(reply: Extract<IndexReply, { id: number }>): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if ('error' in reply) waiting.reject(rebuilt(reply.error));
    else waiting.resolve(reply.value);
  }
}
