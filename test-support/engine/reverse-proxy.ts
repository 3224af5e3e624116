import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificate } from './tls-cert';

export interface ReverseProxy {
  /** `http(s)://127.0.0.1:<port>`: stands in for a public tunnel URL (cloudflared and the like). */
  url: string;
  /** Requests it has passed on. */
  forwarded(): number;
  close(): Promise<void>;
}

/**
 * A minimal reverse proxy to `http://127.0.0.1:<targetPort>`, what a user's own tunnel does.
 * `prefix` is stripped from incoming paths first; a target that does not answer gives 502.
 * With `tls` it serves https, as every public tunnel (and so every Okta hook URI) does.
 */
export async function startReverseProxy(
  targetPort: number,
  prefix = '',
  tls?: TestCertificate,
): Promise<ReverseProxy> {
  let count = 0;
  const relay = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    count += 1;
    const url = incoming.url ?? '/';
    const path = prefix !== '' && url.startsWith(prefix) ? url.slice(prefix.length) || '/' : url;
    const upstream = request(
      // A fresh connection each time, so a restarted target is reached at once.
      {
        host: '127.0.0.1',
        port: targetPort,
        method: incoming.method,
        path,
        headers: incoming.rawHeaders,
        agent: false,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end('bad gateway'));
    incoming.pipe(upstream);
  };
  const server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, relay) : createServer(relay);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    forwarded: () => count,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
