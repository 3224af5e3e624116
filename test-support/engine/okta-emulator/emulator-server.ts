import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { HeaderPairs } from './emulator-http';

/** A key and certificate to serve https with (a test's throwaway certificate). */
export interface ServerTls {
  key: string;
  cert: string;
}

export interface Listening {
  /** `http(s)://127.0.0.1:<port>`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

export const headerPairs = (raw: string[]): HeaderPairs =>
  raw.flatMap((value, i) => (i % 2 === 0 ? [[value, raw[i + 1] ?? ''] as [string, string]] : []));

/** A JSON answer (an empty body when there is none) with the headers given. */
export function answerJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: HeaderPairs,
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, [['Content-Type', 'application/json'], ...headers].flat()).end(text);
}

/** Listen on 127.0.0.1, port 0, over http or (with `tls`) https; `close` cuts open connections. */
export async function listen(handler: RequestListener, tls: ServerTls | undefined): Promise<Listening> {
  const server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, handler) : createServer(handler);
  const sockets = new Set<Socket>();
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
