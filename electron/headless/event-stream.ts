import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core';
import { SECURITY_HEADERS } from './static-files';

/** A comment line now and then keeps proxies and idle timers from closing the stream. */
const HEARTBEAT_MS = 15_000;
/**
 * A client this far behind (a frozen tab) is cut off rather than buffered without bound; its
 * bridge reconnects and reloads a snapshot, so it loses nothing.
 */
const MAX_BACKLOG_BYTES = 16 * 1024 * 1024;

/** Pushes as Server-Sent Events: `event: <name>` and one JSON `data:` line per message. */
export function streamEvents(core: Core, request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, [
    ...SECURITY_HEADERS,
    ['Content-Type', 'text/event-stream; charset=utf-8'],
    ['Cache-Control', 'no-store'],
    ['X-Accel-Buffering', 'no'],
  ]);
  response.write(': connected\n\n');
  const unsubscribe = core.subscribe((message) => {
    if (response.writableLength > MAX_BACKLOG_BYTES) {
      response.destroy();
      return;
    }
    response.write(`event: ${message.name}\ndata: ${JSON.stringify(message.payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
  request.socket.setTimeout(0);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  request.on('close', stop);
  response.on('error', stop);
}
