import type { IncomingMessage } from 'node:http';
import type { Reservation } from './admission';
import { whyEnded } from './client-errors';

export interface ReceivedBody {
  /** At most `limit` bytes. */
  bytes: Buffer;
  /** Bytes announced or seen, whichever is larger. */
  size: number;
  truncated: boolean;
  /** The connection ended before the body was complete. */
  aborted: boolean;
  /** The body budget could not take the bytes that arrived: answer 503, store nothing. */
  refused: boolean;
  /** Set when the receiver ended it (a timeout, invalid framing): why, in a sentence. */
  endedBecause?: string;
}

export interface BodyLimit {
  /** Bytes kept at most. */
  limit: number;
  /**
   * Keep the first `limit` bytes of a longer body. Otherwise a body announced as longer keeps
   * nothing, so that its 413 goes out at once.
   */
  keepPrefix: boolean;
}

/**
 * Buffer a request body up to its limit, each chunk reserved in the body budget as it arrives.
 * Past the limit (or when the budget is spent) it resolves at once and keeps nothing more: the
 * rest of the body flows past and is discarded, so the connection is neither stalled nor reset
 * under the client before it has read the answer.
 */
export function readBody(
  request: IncomingMessage,
  { limit, keepPrefix }: BodyLimit,
  reservation: Reservation,
): Promise<ReceivedBody> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (!keepPrefix && Number.isFinite(declared) && declared > limit) {
    const nothing = { bytes: Buffer.alloc(0), size: declared, aborted: false, refused: false };
    return Promise.resolve({ ...nothing, truncated: true });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let [kept, seen, settled] = [0, 0, false];
    const finish = (ending: Ending) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      const size = Number.isFinite(declared) ? Math.max(declared, seen) : seen;
      resolve(received(request, Buffer.concat(chunks, kept), size, ending));
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      const part = chunk.subarray(0, Math.max(0, limit - kept));
      if (!reservation.take(part.length)) return finish({ refused: true });
      chunks.push(part);
      kept += part.length;
      // Removing the listener does not pause the stream: what follows is read and dropped.
      if (seen > limit) finish({ truncated: true });
    };
    request.on('data', onData);
    request.on('end', () => finish({}));
    request.on('error', () => finish({ aborted: true }));
    request.on('close', () => finish({ aborted: !request.complete }));
  });
}

type Ending = { truncated?: boolean; aborted?: boolean; refused?: boolean };

function received(request: IncomingMessage, bytes: Buffer, size: number, ending: Ending): ReceivedBody {
  const { truncated = false, aborted = false, refused = false } = ending;
  const because = aborted ? whyEnded(request) : undefined;
  return {
    bytes,
    size,
    truncated,
    aborted,
    refused,
    ...(because === undefined ? {} : { endedBecause: because }),
  };
}
