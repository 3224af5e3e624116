import { FEATURED_SAMPLE_TYPES } from '../shared/okta/sample-templates';
import { openInspector, type InspectorTab } from './browser';
import { command } from './engine-api';
import type { BenchOptions } from './options';
import { listShows, scrollToEnd } from './page-probes';
import { SECRET } from './payloads';
import { startEngine, type Engine } from './processes';
import { fmt, judged, type Section } from './report';
import { seedHistory } from './seeded-history';

/** Each query is timed this many times; the verdict takes the slowest. */
const REPEATS = 3;
const SETTLE_TIMEOUT_MS = 30_000;
/** A type delivered in turn with the other sample types (1 delivery in 31). */
const FILTER = 'type:user.lifecycle.create';
/** The event uuid of one delivery in the older part of the history: it occurs once. */
const needleFor = (size: number) => `bench-${Math.round(size * 0.12345)}-event`;

interface Timed {
  ms: number;
  maxGapMs: number;
}

/**
 * The UI over a large history: the engine restarted on a folder of stored exchanges, then the
 * first paint, a filter, a full-text search and a scroll to the oldest row, in Chromium.
 */
export async function historyBench({ smoke }: BenchOptions): Promise<Section> {
  const size = smoke ? 2_000 : 100_000;
  const history = await seedHistory(size);
  const engine = await startEngine({ secret: SECRET, dataDir: history.dataDir });
  let tab: InspectorTab | undefined;
  try {
    const needle = needleFor(size);
    const expected = { filter: await matching(engine, FILTER), search: await matching(engine, needle) };
    if (expected.search !== 1)
      throw new Error(`"${needle}" should occur once, not ${expected.search} times.`);
    tab = await openInspector(engine.inspectorUrl);
    const firstPaint = (await tab.marks()).firstRow ?? NaN;
    const filter = await timeQueries(tab, FILTER, expected.filter, size);
    const search = await timeQueries(tab, needle, expected.search, size);
    await tab.resetFrames();
    const scroll = await tab.page.evaluate(scrollToEnd);
    const scrollFrames = await tab.frames();
    const worst = (runs: Timed[]) => Math.max(...runs.map((run) => run.ms));
    const row = (name: string, runs: Timed[]): string[] => [
      name,
      runs.map((run) => fmt(run.ms)).join(', '),
      fmt(Math.max(...runs.map((run) => run.maxGapMs))),
    ];
    return {
      title: 'Large history',
      method:
        `${fmt(history.stored)} exchanges (distinct 1-event deliveries of the ${FEATURED_SAMPLE_TYPES.length} sample types in turn) are ` +
        `first delivered over HTTP through the engine's whole pipeline into a fresh data folder ` +
        `(${fmt(history.rate)} deliveries/s). The engine is then restarted on that folder and its UI ` +
        `opened in the system Chromium (headless, 1360×860). First paint is from navigation start to ` +
        `the first frame with a row in the list. Queries are typed into the search box and applied ` +
        `with Enter, timed from the key event to the first frame in which the list shows the ` +
        `engine's match count, ${REPEATS} times each (the search is cleared in between). Scrolling to ` +
        `the end drags the scrollbar to the bottom each frame until the oldest row is loaded and ` +
        `in view (older rows load 1,000 at a time). The longest gap between animation frames is ` +
        `recorded during each step.`,
      header: ['step', 'ms', 'longest frame gap, ms'],
      rows: [
        ['engine start on the folder (process start to URLs printed)', fmt(engine.startMs), '–'],
        ['first list paint (from navigation start)', fmt(firstPaint), '–'],
        row(`filter \`${FILTER}\` (${fmt(expected.filter)} match)`, filter),
        row(`search \`${needle}\` (${fmt(expected.search)} match)`, search),
        [`scroll to the end (${fmt(scroll.scrolls)} drags)`, fmt(scroll.ms), fmt(scrollFrames.maxGapMs)],
      ],
      verdicts: [
        judged(`First paint ${fmt(firstPaint)} ms (target < 1,000 ms)`, firstPaint < 1000),
        judged(
          `Filter by event type, slowest of ${REPEATS}: ${fmt(worst(filter))} ms (target < 300 ms)`,
          worst(filter) < 300,
        ),
        judged(
          `Full-text search, slowest of ${REPEATS}: ${fmt(worst(search))} ms (target < 300 ms)`,
          worst(search) < 300,
        ),
      ],
    };
  } finally {
    await tab?.close();
    await engine.stop();
  }
}

/** How many exchanges the engine says match, so the UI's count can be waited for. */
const matching = async (engine: Engine, query: string) =>
  (await command<{ total: number }>(engine, 'exchanges.list', { limit: 1, query })).total;

/** Apply `query` with Enter, wait for the result on screen; clear it again and wait for the full list. */
async function timeQueries(
  tab: InspectorTab,
  query: string,
  expected: number,
  all: number,
): Promise<Timed[]> {
  const runs: Timed[] = [];
  const input = tab.page.getByTestId('search-input');
  for (let i = 0; i < REPEATS; i += 1) {
    // A trailing space ends the token, so Enter applies the query instead of picking a completion.
    await input.fill(`${query} `);
    await tab.resetFrames();
    await input.press('Enter');
    const shownAt = await tab.page.evaluate(listShows, { expected, timeoutMs: SETTLE_TIMEOUT_MS });
    const pressedAt = (await tab.marks())['key:Enter'] ?? NaN;
    runs.push({
      ms: shownAt === null ? Infinity : shownAt - pressedAt,
      maxGapMs: (await tab.frames()).maxGapMs,
    });
    await tab.page.getByTestId('clear-search').click();
    await tab.page.evaluate(listShows, { expected: all, timeoutMs: SETTLE_TIMEOUT_MS });
  }
  return runs;
}
