import { createServer } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxy {
  /** `http://127.0.0.1:<port>`: what HTTPS_PROXY is set to. */
  url: string;
  /** The `host:port` of every CONNECT it was asked for, in order. */
  tunnels: string[];
  /** The Proxy-Authorization header of each CONNECT (undefined when none was sent). */
  credentials: (string | undefined)[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy that only tunnels (CONNECT), as corporate proxies do for https. Every
 * tunnel ends at `127.0.0.1:<targetPort>` whatever host was asked for, so a client can name an
 * org's real domain and reach a local emulator, without any DNS lookup or outside traffic.
 */
export async function startConnectProxy(targetPort: number): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const credentials: (string | undefined)[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    credentials.push(request.headers['proxy-authorization']);
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    credentials,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
