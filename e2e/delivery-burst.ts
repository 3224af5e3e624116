import { Agent, request } from 'node:http';

export interface BurstResult {
  sent: number;
  /** Numbers of the deliveries answered 2xx: the ones the inspector promised to have stored. */
  acknowledged: number[];
  /** Answered with another status (503 while storage fails, for example). */
  refused: number;
  /** No answer: connection refused or reset (the process was gone). */
  failed: number;
}

export interface Burst {
  /** Resolves once sending has stopped and every request has settled. */
  finished: Promise<BurstResult>;
  /** How many have been acknowledged so far. */
  acknowledgedSoFar(): number;
  /** How many have been sent so far. */
  sentSoFar(): number;
  stop(): void;
}

/**
 * POST `body(n)` to `url` at about `perSecond` requests a second over keep-alive connections,
 * as Okta does when it delivers a backlog, until `stop()` or `maxRequests`.
 */
export function startBurst(
  url: string,
  body: (n: number) => string,
  perSecond: number,
  maxRequests: number,
): Burst {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const result: BurstResult = { sent: 0, acknowledged: [], refused: 0, failed: 0 };
  const pending = new Set<Promise<void>>();
  const TICK_MS = 10;
  const perTick = Math.max(1, Math.round((perSecond * TICK_MS) / 1000));
  let stopped = false;
  let resolveStopped: () => void = () => undefined;
  const stoppedSending = new Promise<void>((resolve) => (resolveStopped = resolve));
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    resolveStopped();
  };
  const timer = setInterval(() => {
    for (let i = 0; i < perTick && result.sent < maxRequests; i += 1) {
      const n = result.sent++;
      const settled = post(agent, url, body(n)).then(
        (status) => {
          if (status >= 200 && status < 300) result.acknowledged.push(n);
          else result.refused += 1;
        },
        () => void (result.failed += 1),
      );
      pending.add(settled);
      void settled.finally(() => pending.delete(settled));
    }
    if (result.sent >= maxRequests) stop();
  }, TICK_MS);
  const finished = stoppedSending.then(async () => {
    while (pending.size > 0) await Promise.all([...pending]);
    agent.destroy();
    return result;
  });
  return {
    finished,
    acknowledgedSoFar: () => result.acknowledged.length,
    sentSoFar: () => result.sent,
    stop,
  };
}

function post(agent: Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'Content-Type': 'application/json', Accept: 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
