import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the handler under test saw it: raw header list and exact body bytes. */
export interface SeenRequest {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

export interface TargetServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export type TargetBehaviour = (request: SeenRequest, response: ServerResponse) => void | Promise<void>;

/** A stand-in for the user's own handler, on 127.0.0.1 port 0, recording what it receives. */
export async function startTarget(behaviour: TargetBehaviour, path = '/okta/hooks'): Promise<TargetServer> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        rawHeaders: request.rawHeaders,
        body: Buffer.concat(chunks),
      };
      seen.push(entry);
      void behaviour(entry, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPortUrl(path = '/okta/hooks'): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}${path}`;
}

export const answer =
  (status: number, body = '', headers: Record<string, string> = {}, delayMs = 0): TargetBehaviour =>
  async (_request, response) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    response.writeHead(status, headers).end(body);
  };

/** Answers 200 at once, then sends `bytes` body bytes one every `everyMs`: never idle, never done soon. */
export const trickle =
  (bytes: number, everyMs: number): TargetBehaviour =>
  (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed || sent >= bytes) {
        clearInterval(timer);
        response.end();
        return;
      }
      response.write('.');
      sent += 1;
    }, everyMs);
    response.once('close', () => clearInterval(timer));
  };

export const resetConnection: TargetBehaviour = (_request, response) => {
  response.socket?.destroy();
};

/** Answers Okta's challenge correctly, or with `value` instead. */
export const answerChallenge =
  (value?: string): TargetBehaviour =>
  (request, response) => {
    const index = request.rawHeaders.findIndex(
      (name, i) => i % 2 === 0 && name.toLowerCase() === 'x-okta-verification-challenge',
    );
    const challenge = request.rawHeaders[index + 1] ?? '';
    response
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ verification: value ?? challenge }));
  };
