import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

interface InFlight {
  request: IncomingMessage;
  response: ServerResponse;
}

/** Node's own answers to requests its parser refuses (see `socketOnError` in node:_http_server). */
const STATUS_LINE: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/** Requests the receiver itself ended before their body was complete, and why. */
const endedBy = new WeakMap<IncomingMessage, string>();

/** Why the receiver ended `request` before its body was complete; undefined if it did not. */
export const whyEnded = (request: IncomingMessage): string | undefined => endedBy.get(request);

function reasonFor(error: NodeJS.ErrnoException): string {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return 'The body did not arrive within the request timeout; the receiver closed the connection without an answer.';
  }
  const detail = error.message.replace(/^Parse Error: /, '');
  return `The body is not valid HTTP framing (${detail}); the receiver closed the connection without an answer.`;
}

/**
 * Node's default `clientError` handling writes a 400 (or 408, 431) and destroys the socket at
 * once, even while an earlier request on the same connection is still being answered or while
 * our handler is reading a body. Then the record says 204 for an answer that was never sent
 * (a pipelined request followed by garbage), or says "nothing answered" when Node did answer.
 * This keeps what is recorded and what is sent the same:
 * - a request whose body never completed gets no answer; its record says so, and why (aborted);
 * - a complete request is answered first, then the error status, then the connection closes.
 */
export function withClientErrors(handler: RequestListener) {
  const current = new WeakMap<Duplex, InFlight>();
  const listener: RequestListener = (request, response) => {
    current.set(request.socket, { request, response });
    handler(request, response);
  };
  const onClientError = (error: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = current.get(socket);
    if (inFlight && !inFlight.request.complete) {
      if (error.code !== 'ECONNRESET') endedBy.set(inFlight.request, reasonFor(error));
      socket.destroy();
      return;
    }
    const reply = () => {
      const code = error.code ?? '';
      if (socket.writable && code !== 'ECONNRESET') {
        socket.write(
          `HTTP/1.1 ${STATUS_LINE[code] ?? '400 Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        );
      }
      socket.destroy();
    };
    if (inFlight && !inFlight.response.writableFinished) {
      inFlight.response.once('close', reply);
    } else {
      reply();
    }
  };
  return { listener, onClientError };
}
