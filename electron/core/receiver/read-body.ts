import type { IncomingMessage } from 'node:http';
import { whyEnded } from './client-errors';

export interface ReceivedBody {
  /** At most `limit` bytes. */
  bytes: Buffer;
  /** Bytes announced or seen, whichever is larger. */
  size: number;
  truncated: boolean;
  /** The connection ended before the body was complete. */
  aborted: boolean;
  /** Set when the receiver ended it (a timeout, invalid framing): why, in a sentence. */
  endedBecause?: string;
}

/**
 * Buffer a request body up to `limit` bytes. Past the limit it resolves at once (the caller
 * answers 413) and keeps nothing more: the rest of the body flows past and is discarded, so the
 * connection is neither stalled nor reset under the client before it has read the answer.
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
      const because = aborted ? whyEnded(request) : undefined;
      resolve({
        bytes: Buffer.concat(chunks, kept),
        size,
        truncated,
        aborted,
        ...(because === undefined ? {} : { endedBecause: because }),
      });
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      const room = limit - kept;
      if (room > 0) {
        const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
        chunks.push(part);
        kept += part.length;
      }
      // Removing the listener does not pause the stream: what follows is read and dropped.
      if (seen > limit) finish(true, false);
    };
    request.on('data', onData);
    request.on('end', () => finish(false, false));
    request.on('error', () => finish(false, true));
    request.on('close', () => finish(false, !request.complete));
  });
}
