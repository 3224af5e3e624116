import { request as httpRequest } from 'node:http';
import { Agent, type AgentOptions } from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';

type Created = (error: Error | null, socket?: Duplex) => void;

/** A failure on the way through the proxy, told apart from one at the destination. */
const proxyError = (proxy: URL, message: string) =>
  Object.assign(new Error(`${message} (the proxy at ${proxy.host}, from HTTPS_PROXY)`), { code: 'EPROXY' });

const basicAuth = (proxy: URL): [string, string][] =>
  proxy.username === ''
    ? []
    : [
        [
          'Proxy-Authorization',
          `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`,
        ],
      ];

/**
 * An https agent that reaches every host through an HTTP proxy's CONNECT tunnel, then speaks
 * TLS end to end with the destination: the proxy sees the host name, never the traffic. The
 * certificates trusted are Node's, including NODE_EXTRA_CA_CERTS.
 */
export class ConnectTunnelAgent extends Agent {
  constructor(
    private readonly proxy: URL,
    private readonly connectTimeoutMs: number,
  ) {
    super({ keepAlive: false } satisfies AgentOptions);
  }

  override createConnection(options: ConnectionOptions, created: Created): undefined {
    const host = options.host ?? 'localhost';
    const authority = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`;
    const tunnel = httpRequest({
      host: this.proxy.hostname.replace(/^\[|\]$/g, ''),
      port: this.proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers: [['Host', authority], ...basicAuth(this.proxy)].flat(),
      agent: false,
      timeout: this.connectTimeoutMs,
    });
    tunnel.on('timeout', () => tunnel.destroy(proxyError(this.proxy, 'no answer to CONNECT in time')));
    tunnel.on('error', (error: NodeJS.ErrnoException) =>
      created(
        error.code === 'EPROXY'
          ? error
          : proxyError(this.proxy, `could not be reached: ${error.code ?? error.message}`),
      ),
    );
    tunnel.on('connect', (answer, socket) => {
      if (answer.statusCode !== 200) {
        socket.destroy();
        return created(
          proxyError(
            this.proxy,
            `refused the tunnel to ${authority}: ${answer.statusCode} ${answer.statusMessage}`,
          ),
        );
      }
      const servername = options.servername ?? (isIP(host) === 0 ? host : undefined);
      const secure = tlsConnect({ ...options, socket, ...(servername ? { servername } : {}) });
      secure.once('secureConnect', () => created(null, secure));
      secure.once('error', (error: Error) => created(error));
    });
    tunnel.end();
    return undefined;
  }
}
