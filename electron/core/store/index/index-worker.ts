import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../../deps';
import { runInBackground } from './background-priority';
import { IndexService } from './index-service';
import type { IndexReply, IndexRequest, IndexWorkerData } from './index-protocol';

/**
 * The index's thread (a worker started by index-client.ts): opens the index, then answers
 * requests one at a time, in the order they were sent.
 */
const port = parentPort;
if (port === null) throw new Error('index-worker runs as a worker thread');
const data = workerData as IndexWorkerData;
runInBackground();
const logger: Logger = {
  info: (message, fields) => port.postMessage({ log: 'info', message, fields } satisfies IndexReply),
  warn: (message, fields) => port.postMessage({ log: 'warn', message, fields } satisfies IndexReply),
  error: (message, fields) => port.postMessage({ log: 'error', message, fields } satisfies IndexReply),
};

IndexService.open(data.paths, data.authHeader, logger).then(
  (service) => {
    port.on('message', (request: IndexRequest) => port.postMessage(answer(service, request)));
    port.postMessage({ opened: service.opened() } satisfies IndexReply);
  },
  (error: unknown) => port.postMessage({ failed: describe(error) } satisfies IndexReply),
);

function answer(service: IndexService, { id, method, args }: IndexRequest): IndexReply {
  try {
    const methods = service as unknown as Record<string, (...given: unknown[]) => unknown>;
    return { id, value: methods[method]?.(...args) };
  } catch (error) {
    return { id, error: describe(error) };
  }
}

/** Errors cross the thread as plain data; the code (ENOSPC, SQLITE_FULL…) is what callers read. */
function describe(error: unknown): { message: string; code?: string } {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? { message, code } : { message };
}
