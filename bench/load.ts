import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests answered 2xx. */
  ok: number;
  /** Answers other than 2xx, plus connection errors and timeouts. */
  failures: number;
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  /** A body with `[<id>]` where each request gets a fresh id, or a body per request number. */
  body: string | ((n: number) => string);
  connections: number;
  /** Run this long, or until `amount` requests were sent. */
  durationS?: number;
  amount?: number;
  /** Requests per second across all connections; unset = as fast as the server answers. */
  rate?: number;
}

/** One autocannon run, in this process: the same load generator for every server measured. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { body } = options;
  let sent = 0;
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: options.headers,
    connections: options.connections,
    ...(options.durationS !== undefined ? { duration: options.durationS } : {}),
    ...(options.amount !== undefined ? { amount: options.amount } : {}),
    ...(options.rate !== undefined ? { overallRate: options.rate } : {}),
    ...(typeof body === 'string'
      ? // Rebuilding each request costs the generator: only when there are ids to fill in.
        { body, idReplacement: body.includes('[<id>]') }
      : { requests: [{ setupRequest: (request) => ({ ...request, body: body(sent++) }) }] }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    ok: result['2xx'],
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
