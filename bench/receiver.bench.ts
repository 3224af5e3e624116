import { storedCount } from './engine-api';
import { load, type LoadResult } from './load';
import type { BenchOptions } from './options';
import { pacedLoad } from './paced-load';
import { batchTemplate, DELIVERY_HEADERS, SECRET, singleEventTemplate, withIds } from './payloads';
import { startBareServer, startEngine, type Server } from './processes';
import { fmt, judged, type Section } from './report';
import { subscribe } from './subscriber';

interface Scenario {
  name: string;
  server: 'bare' | 'inspector';
  /** `[<id>]` marks where each request gets a fresh id. */
  body: string;
  /** Evenly paced at this many requests/s; unset: as fast as the server answers. */
  rate?: number;
}

/** Throughput rows are run this many times, bare and inspector in turn; the median run is shown. */
const ROUNDS = 3;

/**
 * The engine's full pipeline (auth check, envelope parse, durable write, push to a live
 * subscriber) against a bare node:http server answering 204, with the same load generator.
 */
export async function receiverBench({ smoke }: BenchOptions): Promise<Section> {
  const durationS = smoke ? 1 : 5;
  const rounds = smoke ? 1 : ROUNDS;
  const single = singleEventTemplate();
  const batch = batchTemplate(smoke ? 5 : 50);
  const rate = smoke ? 100 : 1000;
  const pair = (label: string, body: string, pairRate?: number): Scenario[] =>
    (['bare', 'inspector'] as const).map((server) => ({
      name: `${server}, ${label}`,
      server,
      body,
      ...(pairRate === undefined ? {} : { rate: pairRate }),
    }));
  const throughput = [
    ...pair('1 event', single),
    ...pair('50 events', batch),
    // The generator is cheapest when it rebuilds nothing: the bare server nearer its own limit.
    ...pair('1 event, same body each time', single.replaceAll('[<id>]', 'same')),
  ];
  const paced = pair('1 event at 1,000/s', single, rate);
  const pushes: string[] = [];
  const runs = new Map<string, LoadResult[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const scenario of throughput) {
      const result = await measure(scenario, durationS, smoke, round === 0 ? pushes : []);
      runs.set(scenario.name, [...(runs.get(scenario.name) ?? []), result]);
    }
  }
  for (const scenario of paced)
    runs.set(scenario.name, [await measure(scenario, smoke ? 1 : 10, smoke, pushes)]);
  const get = (name: string) => median(runs.get(name) ?? []);
  const ratio = (label: string) =>
    get(`inspector, ${label}`).requestsPerSecond / get(`bare, ${label}`).requestsPerSecond;
  const p99 = get('inspector, 1 event at 1,000/s').p99Ms;
  const bareP99 = get('bare, 1 event at 1,000/s').p99Ms;
  return {
    title: 'Receiver throughput and latency',
    method:
      `Two servers, each started afresh for every run: a bare node:http server in its own process ` +
      `that reads the body and answers 204, and the inspector in headless mode with a hook secret ` +
      `set and one live SSE subscriber (the full pipeline: auth check, envelope parse, credential ` +
      `header sealing, durable group-committed write, search indexing, push). Throughput: ` +
      `autocannon (as a library, in the benchmark process), 50 keep-alive connections, ` +
      `${smoke ? 1 : 2} s warm-up then ${durationS} s measured, ${rounds} rounds taking bare and ` +
      `inspector in turn; each row shows its median round. Bodies: the 1-event sample ` +
      `(${fmt(single.length / 1024, 1)} KB compact) and a 50-event batch (${fmt(batch.length / 1024)} KB), ` +
      `every request with fresh event ids as Okta sends them, or the same body every time (the ` +
      `inspector then sees redeliveries), which costs the load generator less: it shares the ` +
      `2 cores with the server under test, and rebuilding each request is what limits the bare ` +
      `server's rows with fresh ids. The rows at 1,000/s send evenly paced requests for 10 s ` +
      `instead (bench/paced-load.ts, an open-loop generator: autocannon's rate limit sends each ` +
      `connection's quota for a second as one burst), latency counted from when each request was due.`,
    header: ['server, body', 'req/s', 'p50 ms', 'p99 ms', 'max ms', '2xx', 'failures'],
    rows: [...throughput, ...paced].map(({ name }) => {
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
        `Full pipeline at ${fmt(ratio('1 event') * 100)}% of the bare server's requests/s with the 1-event sample (target ≥ 50%)`,
        ratio('1 event') >= 0.5,
      ),
      `With the same body every time: ${fmt(ratio('1 event, same body each time') * 100)}%; with the 50-event batch: ${fmt(ratio('50 events') * 100)}%.`,
      judged(
        `p99 at 1,000 requests/s: ${fmt(p99, 1)} ms (target < 10 ms; the bare server: ${fmt(bareP99, 1)} ms)`,
        p99 < 10,
      ),
      ...pushes,
    ],
  };
}

const median = (results: LoadResult[]): LoadResult =>
  [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[results.length >> 1]!;

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

/** One run on a fresh server; for the inspector, also what it stored and pushed (into `pushes`). */
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
