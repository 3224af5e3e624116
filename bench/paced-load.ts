import { Agent, request } from 'node:http';

export interface PacedOptions {
  url: string;
  headers: Record<string, string>;
  body: (n: number) => string;
  /** Requests per second, sent evenly spaced. */
  rate: number;
  durationS: number;
  /** Keep-alive connections at most; a request finding all busy waits for one (and that counts). */
  connections: number;
}

export interface PacedResult {
  sent: number;
  ok: number;
  failures: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests answered per second over the whole run. */
  achievedRate: number;
}

/**
 * An open-loop load at a fixed rate: request i is due at start + i/rate, sent then however
 * the earlier ones fare, and its latency counts from when it was due, so a stalled server is
 * not hidden by requests that were never sent (coordinated omission). autocannon cannot do
 * this: its rate limit sends each connection's quota for a second in one burst at the start
 * of that second.
 */
export async function pacedLoad(options: PacedOptions): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.durationS);
  const latencies = new Float64Array(total);
  let sent = 0;
  let ok = 0;
  let failures = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const due = (n: number) => start + (n * 1000) / options.rate;
  await new Promise<void>((resolve) => {
    const tick = () => {
      for (; sent < total && due(sent) <= performance.now(); sent += 1) {
        const n = sent;
        pending.push(
          post(agent, options.url, options.headers, options.body(n)).then(
            (status) => {
              latencies[n] = performance.now() - due(n);
              if (status >= 200 && status < 300) ok += 1;
              else failures += 1;
            },
            () => {
              latencies[n] = performance.now() - due(n);
              failures += 1;
            },
          ),
        );
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  const elapsedS = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort();
  const at = (p: number) => latencies[Math.min(total - 1, Math.floor(total * p))] ?? NaN;
  return { sent, ok, failures, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1), achievedRate: ok / elapsedS };
}

function post(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
