import type { HeaderList } from '../../../shared/model/exchange';
import type { SendFailureCause } from './outbound-request';
import type { HttpTransport, TransportRequest, TransportResult } from './http-transport';

/** The `fetch` shape a host passes in: the WHATWG one, as Node and Electron's `net.fetch` have it. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Set by the fetch implementation itself; a fetch refuses them from the caller. */
const FORBIDDEN = new Set(['host', 'content-length', 'connection']);

/** Chromium's `net::ERR_…` names (Electron) and Node's error codes (undici's `cause`). */
const CAUSES: [RegExp, SendFailureCause][] = [
  [/ERR_CONNECTION_REFUSED|ECONNREFUSED/, 'refused'],
  [/ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN/, 'dns'],
  [/ERR_CONNECTION_(RESET|CLOSED)|ECONNRESET|EPIPE|UND_ERR_SOCKET/, 'reset'],
  [/ERR_TIMED_OUT|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT/, 'timeout'],
];

interface FailureDetail {
  name?: string;
  message?: string;
  code?: string;
  cause?: FailureDetail;
}

function failure(error: unknown, timeoutMs: number, ms: number): TransportResult {
  const detail = (error ?? {}) as FailureDetail;
  if (detail.name === 'TimeoutError' || detail.name === 'AbortError') {
    return { ok: false, cause: 'timeout', message: `no complete answer within ${timeoutMs} ms`, ms };
  }
  // Electron puts Chromium's error name in the message; Node's fetch puts the code in `cause`.
  const code = detail.cause?.code ?? /net::(ERR_[A-Z_]+)/.exec(detail.message ?? '')?.[1] ?? detail.code;
  const message = detail.cause?.message ?? detail.message ?? String(error);
  const cause = CAUSES.find(([pattern]) => pattern.test(code ?? message))?.[1] ?? 'other';
  return { ok: false, cause, message, ...(code === undefined ? {} : { code }), ms };
}

async function readLimited(response: Response, limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  let kept = 0;
  const reader = response.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
    size += next.value.length;
    const part = Buffer.from(next.value).subarray(0, Math.max(0, limit - kept));
    chunks.push(part);
    kept += part.length;
  }
  return { body: Buffer.concat(chunks, kept), size, truncated: size > limit };
}

const headerPairs = (response: Response): HeaderList => [...response.headers.entries()];

/**
 * A transport over a host's `fetch`. In the desktop app that is Electron's `net.fetch`, so
 * Okta API calls follow the system proxy (and PAC) and the OS certificate store, which Node's
 * own HTTP stack ignores. Never rejects.
 */
export function fetchTransport(fetch: FetchLike, monotonic: () => number): HttpTransport {
  return async (request: TransportRequest) => {
    const started = monotonic();
    try {
      const response = await fetch(request.url.href, {
        method: request.method,
        headers: request.headers.filter(([name]) => !FORBIDDEN.has(name.toLowerCase())),
        ...(request.body ? { body: new Uint8Array(request.body) } : {}),
        // A redirect would carry the credentials elsewhere: Okta's API never redirects.
        redirect: 'manual',
        signal: AbortSignal.timeout(request.timeoutMs),
      });
      const { body, size, truncated } = await readLimited(response, request.bodyLimit);
      const ms = monotonic() - started;
      return { ok: true, status: response.status, headers: headerPairs(response), body, size, truncated, ms };
    } catch (error) {
      return failure(error, request.timeoutMs, monotonic() - started);
    }
  };
}
