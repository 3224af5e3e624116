import type { HeaderList } from '../../../shared/model/exchange';
import { ConnectTunnelAgent } from './connect-tunnel';
import { proxyFor, type ProxyEnv } from './env-proxy';
import { sendOutbound, type OutboundAnswer, type OutboundFailure } from './outbound-request';

/** One request to a remote API and how long and how much of its answer to wait for. */
export interface TransportRequest {
  url: URL;
  method: string;
  /** Sent in this order; `Host` and `Content-Length` are the transport's business. */
  headers: HeaderList;
  body: Buffer | null;
  timeoutMs: number;
  bodyLimit: number;
}

export type TransportResult = OutboundAnswer | OutboundFailure;

/**
 * How the engine reaches remote APIs (Okta's): Node's own HTTP stack by default, or a host's
 * `fetch` (Electron's `net.fetch`, which follows the system proxy and certificate store).
 */
export type HttpTransport = (request: TransportRequest) => Promise<TransportResult>;

/**
 * Node's HTTP stack, honouring HTTPS_PROXY / NO_PROXY through a CONNECT tunnel, and Node's
 * trust store (NODE_EXTRA_CA_CERTS included). Never rejects.
 */
export function nodeTransport(env: ProxyEnv, monotonic: () => number): HttpTransport {
  return (request) => {
    const proxy = proxyFor(request.url, env);
    const body = request.body ?? Buffer.alloc(0);
    const headers: HeaderList = [['Host', request.url.host], ...request.headers];
    if (request.body) headers.push(['Content-Length', String(body.length)]);
    return sendOutbound(
      {
        url: request.url,
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method,
        headers,
        body,
        timeoutMs: request.timeoutMs,
        bodyLimit: request.bodyLimit,
        ...(proxy ? { agent: new ConnectTunnelAgent(proxy, request.timeoutMs) } : {}),
      },
      monotonic,
    );
  };
}
