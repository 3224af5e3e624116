import type { IncomingMessage } from 'node:http';

export interface ReceivedBody {
  /** At most `limit` bytes. */
  bytes: Buffer;
  /** Bytes announced or seen, whichever is larger. */
  size: number;
  truncated: boolean;
  /** The client went away before the body was complete. */
  aborted: boolean;
}

/**
 * Buffer a request body up to `limit` bytes. Past the limit it stops reading (the caller
 * answers 413 and closes the connection) instead of pulling an unbounded body into memory.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<ReceivedBody> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ bytes: Buffer.alloc(0), size: declared, truncated: true, aborted: false });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let seen = 0;
    let settled = false;
    const finish = (truncated: boolean, aborted: boolean) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      const size = Number.isFinite(declared) ? Math.max(declared, seen) : seen;
      resolve({ bytes: Buffer.concat(chunks, kept), size, truncated, aborted });
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      const room = limit - kept;
      if (room > 0) {
        const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
        chunks.push(part);
        kept += part.length;
      }
      if (seen > limit) {
        request.pause();
        finish(true, false);
      }
    };
    request.on('data', onData);
    request.on('end', () => finish(false, false));
    request.on('error', () => finish(false, true));
    request.on('close', () => finish(false, !request.complete));
  });
}
