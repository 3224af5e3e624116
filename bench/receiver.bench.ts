import { storedCount } from './engine-api';
import { load, type LoadResult } from './load';
import { pacedLoad } from './paced-load';
import { batchTemplate, DELIVERY_HEADERS, SECRET, singleEventTemplate, withIds } from './payloads';
import { startBareServer, startEngine, type Server } from './processes';
import { fmt, judged, type Section } from './report';
import type { BenchOptions } from './options';
import { subscribe } from './subscriber';

interface Scenario {
  name: string;
  server: 'bare' | 'inspector';
  body: string;
  rate?: number;
}

/**
 * The engine's full pipeline (auth check, envelope parse, durable write, push to a live
 * subscriber) against a bare node:http server answering 204, with the same load generator.
 */
export async function receiverBench({ smoke }: BenchOptions): Promise<Section> {
  const durationS = smoke ? 1 : 10;
  const single = singleEventTemplate();
  const batch = batchTemplate(smoke ? 5 : 50);
  const scenarios: Scenario[] = [
    { name: 'bare, 1 event', server: 'bare', body: single },
    { name: 'inspector, 1 event', server: 'inspector', body: single },
    { name: 'bare, 50 events', server: 'bare', body: batch },
    { name: 'inspector, 50 events', server: 'inspector', body: batch },
    { name: 'bare, 1 event at 1,000/s', server: 'bare', body: single, rate: smoke ? 100 : 1000 },
    { name: 'inspector, 1 event at 1,000/s', server: 'inspector', body: single, rate: smoke ? 100 : 1000 },
  ];
  const results = new Map<string, LoadResult>();
  const pushes: string[] = [];
  for (const scenario of scenarios) {
    results.set(scenario.name, await measure(scenario, durationS, smoke, pushes));
  }
  const get = (name: string) => results.get(name)!;
  const ratio = get('inspector, 1 event').requestsPerSecond / get('bare, 1 event').requestsPerSecond;
  const batchRatio = get('inspector, 50 events').requestsPerSecond / get('bare, 50 events').requestsPerSecond;
  const p99 = get('inspector, 1 event at 1,000/s').p99Ms;
  const bareP99 = get('bare, 1 event at 1,000/s').p99Ms;
  return {
    title: 'Receiver throughput and latency',
    method:
      `autocannon (as a library, in the benchmark process) with 50 keep-alive connections against two ` +
      `processes: a bare node:http server that reads the body and answers 204, and the inspector in ` +
      `headless mode with a hook secret set and one live SSE subscriber (the full pipeline: auth ` +
      `check, envelope parse, durable group-committed write, push). Each row has a fresh server, a ` +
      `${smoke ? 1 : 2} s warm-up, then ${durationS} s measured. Bodies: the 1-event sample ` +
      `(${fmt(single.length / 1024, 1)} KB compact) and a 50-event batch (${fmt(batch.length / 1024)} KB), each ` +
      `request with fresh event ids. The rows at 1,000/s send evenly paced requests instead (an ` +
      `open-loop generator of our own, bench/paced-load.ts: autocannon's rate limit sends each ` +
      `connection's quota for a second as one burst), latency counted from when each request was ` +
      `due. The load generator shares the 2 cores with the server ` +
      `under test, so absolute numbers are lower than on a separate client machine; the ratio is ` +
      `the comparison that holds.`,
    header: ['server, body', 'req/s', 'p50 ms', 'p99 ms', 'max ms', '2xx', 'failures'],
    rows: scenarios.map(({ name }) => {
      const r = get(name);
      return [
        name,
        fmt(r.requestsPerSecond),
        fmt(r.p50Ms, 1),
        fmt(r.p99Ms, 1),
        fmt(r.maxMs),
        fmt(r.ok),
        fmt(r.failures),
      ];
    }),
    verdicts: [
      judged(
        `Full pipeline at ${fmt(ratio * 100)}% of the bare server's requests/s with the 1-event sample (target ≥ 50%)`,
        ratio >= 0.5,
      ),
      `With the 50-event batch: ${fmt(batchRatio * 100)}% of the bare server.`,
      judged(
        `p99 at 1,000 requests/s: ${fmt(p99, 1)} ms (target < 10 ms; the bare server: ${fmt(bareP99, 1)} ms)`,
        p99 < 10,
      ),
      ...pushes,
    ],
  };
}

/** As fast as the server answers (autocannon), or evenly paced at `rate` (see paced-load.ts). */
async function run(
  url: string,
  body: string,
  rate: number | undefined,
  durationS: number,
): Promise<LoadResult> {
  const common = { url, headers: DELIVERY_HEADERS, connections: 50, durationS };
  if (rate === undefined) return load({ ...common, body });
  const paced = await pacedLoad({ ...common, body: withIds(body), rate });
  return { ...paced, requestsPerSecond: paced.achievedRate };
}

async function measure(
  scenario: Scenario,
  durationS: number,
  smoke: boolean,
  pushes: string[],
): Promise<LoadResult> {
  const engine = scenario.server === 'inspector' ? await startEngine({ secret: SECRET }) : null;
  const server: Server = engine ?? (await startBareServer());
  const subscriber = engine ? await subscribe(engine) : null;
  try {
    // Warm-up: JIT, page cache, sockets.
    await run(server.receiverUrl, scenario.body, scenario.rate, smoke ? 1 : 2);
    const result = await run(server.receiverUrl, scenario.body, scenario.rate, durationS);
    if (engine && subscriber) {
      // Requests still in flight when the run ended, and the last ~50 ms batch of pushes.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const stored = await storedCount(engine);
      pushes.push(
        `${scenario.name}: ${fmt(stored)} stored, ${fmt(subscriber.appended())} pushed to the live subscriber.`,
      );
    }
    return result;
  } finally {
    subscriber?.close();
    await server.stop();
  }
}
