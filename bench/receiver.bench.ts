import { storedCount } from './engine-api';
import { load, type LoadResult } from './load';
import type { BenchOptions } from './options';
import { pacedLoad } from './paced-load';
import { batchTemplate, DELIVERY_HEADERS, SECRET, singleEventTemplate, withIds } from './payloads';
import { startEngine, startPeer, type Server } from './processes';
import { fmt, judged, type Section } from './report';
import { subscribe } from './subscriber';

type ServerName = 'bare' | 'mockttp' | 'inspector';
const SERVERS: ServerName[] = ['bare', 'mockttp', 'inspector'];

interface Scenario {
  name: string;
  server: ServerName;
  /** `[<id>]` marks where each request gets a fresh id. */
  body: string;
  /** Evenly paced at this many requests/s; unset: as fast as the server answers. */
  rate?: number;
}

/** Throughput rows are run this many times, the three servers in turn; the median run is shown. */
const ROUNDS = 5;

/**
 * The engine's full pipeline (auth check, envelope parse, durable write, push to a live
 * subscriber) against its peer, mockttp (the engine of HTTP Toolkit), and a bare node:http
 * server answering 204, with the same load generator.
 */
export async function receiverBench({ smoke }: BenchOptions): Promise<Section> {
  const durationS = smoke ? 1 : 5;
  const rounds = smoke ? 1 : ROUNDS;
  const single = singleEventTemplate();
  const batch = batchTemplate(smoke ? 5 : 50);
  const rate = smoke ? 100 : 1000;
  const trio = (label: string, body: string, trioRate?: number): Scenario[] =>
    SERVERS.map((server) => ({
      name: `${server}, ${label}`,
      server,
      body,
      ...(trioRate === undefined ? {} : { rate: trioRate }),
    }));
  const throughput = [...trio('1 event', single), ...trio('50 events', batch)];
  const paced = trio('1 event at 1,000/s', single, rate);
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
  const ratio = (label: string, peer: ServerName) =>
    get(`inspector, ${label}`).requestsPerSecond / get(`${peer}, ${label}`).requestsPerSecond;
  /** The ratio in each round, to show how much the shared machine moved it. */
  const perRound = (label: string, peer: ServerName) => {
    const of = (server: ServerName) => runs.get(`${server}, ${label}`) ?? [];
    return of('inspector')
      .map((run, i) => fmt(run.requestsPerSecond / (of(peer)[i]?.requestsPerSecond ?? NaN), 2))
      .join(', ');
  };
  const ratioLine = (label: string, peer: ServerName, target?: number) => {
    const value = ratio(label, peer);
    const text =
      `inspector/${peer}, ${label}: ${fmt(value, 2)}× (medians; per round ${perRound(label, peer)})` +
      (target === undefined ? '' : ` (target ≥ ${fmt(target, 1)}×)`);
    return target === undefined ? `${text}.` : judged(text, value >= target);
  };
  const p99 = get('inspector, 1 event at 1,000/s').p99Ms;
  const bareP99 = get('bare, 1 event at 1,000/s').p99Ms;
  return {
    title: 'Receiver throughput and latency',
    method:
      `Three servers, each started afresh for every run: a bare node:http server in its own process ` +
      `that reads the body and answers 204; mockttp (the engine of HTTP Toolkit, in its own process, ` +
      `answering 204 with one subscriber that reads each body and keeps every request in memory, as ` +
      `HTTP Toolkit's UI does); and the inspector in headless mode with a hook secret set and one ` +
      `live SSE subscriber (the full pipeline: auth check, envelope parse, credential header ` +
      `sealing, durable group-committed write, search indexing, push). Throughput: autocannon (as ` +
      `a library, in the benchmark process), 50 keep-alive connections, ${smoke ? 1 : 2} s warm-up ` +
      `then ${durationS} s measured, ${rounds} rounds taking bare, mockttp and inspector in turn; ` +
      `each row shows its median round, and the ratios are of the medians. Bodies: the 1-event ` +
      `sample (${fmt(single.length / 1024, 1)} KB compact) and a 50-event batch ` +
      `(${fmt(batch.length / 1024)} KB), every request with fresh event ids as Okta sends them. ` +
      `The load generator shares the 2 cores with the server under test. The rows at 1,000/s send ` +
      `evenly paced requests for 10 s instead (bench/paced-load.ts, an open-loop generator: ` +
      `autocannon's rate limit sends each connection's quota for a second as one burst), latency ` +
      `counted from when each request was due.`,
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
      ratioLine('50 events', 'mockttp', 1.0),
      ratioLine('1 event', 'mockttp', 1.5),
      ratioLine('50 events', 'bare'),
      ratioLine('1 event', 'bare'),
      judged(
        `p99 at 1,000 requests/s: ${fmt(p99, 1)} ms (target < 10 ms; mockttp: ${fmt(get('mockttp, 1 event at 1,000/s').p99Ms, 1)} ms; the bare server: ${fmt(bareP99, 1)} ms)`,
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
  const server: Server =
    engine ?? (await startPeer(scenario.server === 'bare' ? 'bare-server' : 'mockttp-server'));
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
