import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FEATURED_SAMPLE_TYPES } from '../shared/okta/sample-templates';
import { openInspector, type InspectorTab } from './browser';
import { command } from './engine-api';
import type { BenchOptions } from './options';
import { jumpToOldest, listShows } from './page-probes';
import { SECRET } from './payloads';
import { diskBytes } from './disk-usage';
import { startEngine, type Engine } from './processes';
import { fmt, judged, type Section } from './report';
import { seedHistory, type SeededHistory } from './seeded-history';

/**
 * Engine starts per size, each followed by opening the UI in a fresh browser: the verdicts on
 * start time and first paint take the medians (single page loads on 2 shared cores vary by
 * ±100 ms).
 */
const STARTS = 5;
/** Each query is timed this many times; the verdict takes the slowest. */
const REPEATS = 3;
const SETTLE_MS = 2000;
const SETTLE_TIMEOUT_MS = 30_000;
/** A type delivered in turn with the other sample types (1 delivery in 31). */
const FILTER = 'type:user.lifecycle.create';
/** The event uuid of one delivery in the older part of the history: it occurs once. */
const needleFor = (size: number) => `bench-${Math.round(size * 0.12345)}-event`;

interface SizeResult {
  history: SeededHistory;
  startsMs: number[];
  /** From process start until an index of an older table version was rebuilt; null if none was. */
  rebuildMs: number | null;
  idleRssMb: number;
  uiRssMb: number;
  peakRssMb: number;
  firstPaintsMs: number[];
  filterMs: number[];
  searchMs: number[];
  oldestMs: number;
  bytesPerExchange: number;
}

/**
 * The engine and its UI over a large history, at two sizes: the engine restarted on a folder of
 * stored exchanges, then the first paint, a filter, a full-text search and a jump to the oldest
 * row in Chromium, with the engine's memory and the folder's size.
 */
export async function historyBench({ smoke }: BenchOptions): Promise<Section> {
  const [small, large] = smoke ? [1_000, 3_000] : [100_000, 1_000_000];
  const results = [await measureSize(small, smoke), await measureSize(large, smoke)] as const;
  const [atSmall, atLarge] = results;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const slowest = (values: number[]) => Math.max(...values);
  const rss = (result: SizeResult) => Math.max(result.idleRssMb, result.uiRssMb);
  const both = (cell: (result: SizeResult) => string) => results.map(cell);
  const [smallLabel, largeLabel] = [fmt(small), fmt(large)];
  return {
    title: 'Large history',
    method:
      `Two histories of ${smallLabel} and ${largeLabel} exchanges (distinct 1-event deliveries of the ` +
      `${FEATURED_SAMPLE_TYPES.length} sample types in turn), each delivered over HTTP through the ` +
      `engine's whole pipeline (50 connections) into a data folder until its index had caught up. ` +
      `Seeding a million takes minutes, so each folder is kept in bench/.build/history (named by ` +
      `history format and index version) and reused by later runs. The engine is started on the ` +
      `folder ${STARTS} times (process start to URLs printed; a folder seeded under an older index version is rebuilt ` +
      `from its records in the background at the first start, timed from process start until the ` +
      `status stops saying so); after each start it idles ` +
      `${SETTLE_MS / 1000} s (RSS idle: after the last), then its UI is opened in a freshly launched system Chromium (headless, ` +
      `1360×860): the first page load that engine serves. First paint is from navigation start to the first frame with a row in the list (Playwright runs nothing in the page before it: the page says so on its console); the verdict takes the median of the ${STARTS} loads. The other measures are taken in the last page. ` +
      `Queries are typed into the search box and applied with Enter, timed from the key event to ` +
      `the first frame in which the list shows the match count, ${REPEATS} times each (the search ` +
      `is cleared in between; the first is the first query that engine sees: the counts waited for are asked of the first engine started). Jumping to the oldest ` +
      `row drags the scrollbar to the bottom in one move and times until the row whose ` +
      `aria-rowindex is the count is drawn. RSS after the UI is read once all that is done. Disk: ` +
      `allocated bytes under history/ (as du counts them) over the exchanges. "Before" is the ` +
      `previous build (whole history replayed into memory at start, older rows loaded 1,000 at a ` +
      `time, measured on the same machine before this build); it cannot open the new format.`,
    header: ['measure', smallLabel, largeLabel, 'target', `before, at ${smallLabel}`],
    rows: [
      [
        'engine start, ms (each start)',
        ...both((r) => list(r.startsMs)),
        '< 1,000 / < 1,500',
        '5,900–11,400',
      ],
      [
        'index rebuilt from the records (older version), s',
        ...both((r) => (r.rebuildMs === null ? '–' : fmt(r.rebuildMs / 1000))),
        '–',
        '–',
      ],
      ['engine RSS idle after start, MB', ...both((r) => fmt(r.idleRssMb)), '< 200 / < 300', '367–397'],
      ['engine RSS after the UI opened, MB', ...both((r) => fmt(r.uiRssMb)), '< 200 / < 300', '367–397'],
      ['engine peak RSS since start, MB', ...both((r) => fmt(r.peakRssMb)), '–', '–'],
      ['first list paint, ms (each start)', ...both((r) => list(r.firstPaintsMs)), '– / < 500', '500–1,300'],
      [`filter \`${FILTER}\`, ms`, ...both((r) => list(r.filterMs)), '– / < 300', '77–220'],
      [
        'search one event uuid `bench-<n>-event`, ms',
        ...both((r) => list(r.searchMs)),
        '– / < 300',
        '108–141',
      ],
      ['jump to the oldest row, ms', ...both((r) => fmt(r.oldestMs)), '– / < 300', '3,500–5,900'],
      ['disk bytes per exchange (history/)', ...both((r) => fmt(r.bytesPerExchange)), '–', '–'],
      ['seeding, deliveries/s', ...both((r) => fmt(r.history.rate)), '–', '5,550'],
    ],
    verdicts: [
      judged(
        `Engine start at ${smallLabel}, median: ${fmt(median(atSmall.startsMs))} ms (target < 1,000 ms)`,
        median(atSmall.startsMs) < 1000,
      ),
      judged(
        `Engine start at ${largeLabel}, median: ${fmt(median(atLarge.startsMs))} ms (target < 1,500 ms)`,
        median(atLarge.startsMs) < 1500,
      ),
      judged(
        `Engine RSS at ${smallLabel}: at most ${fmt(rss(atSmall))} MB (target < 200 MB)`,
        rss(atSmall) < 200,
      ),
      judged(
        `Engine RSS at ${largeLabel}: at most ${fmt(rss(atLarge))} MB (target < 300 MB)`,
        rss(atLarge) < 300,
      ),
      judged(
        `First paint at ${largeLabel}, median: ${fmt(median(atLarge.firstPaintsMs))} ms (target < 500 ms)`,
        median(atLarge.firstPaintsMs) < 500,
      ),
      judged(
        `Filter at ${largeLabel}, slowest of ${REPEATS}: ${fmt(slowest(atLarge.filterMs))} ms (target < 300 ms)`,
        slowest(atLarge.filterMs) < 300,
      ),
      judged(
        `Search at ${largeLabel}, slowest of ${REPEATS}: ${fmt(slowest(atLarge.searchMs))} ms (target < 300 ms)`,
        slowest(atLarge.searchMs) < 300,
      ),
      judged(
        `Jump to the oldest row at ${largeLabel}: ${fmt(atLarge.oldestMs)} ms (target < 300 ms)`,
        atLarge.oldestMs < 300,
      ),
      ...results.map(
        ({ history }) =>
          `${fmt(history.stored)}: seeded ${history.seededAt.slice(0, 16).replace('T', ' ')} UTC at ${fmt(history.rate)} deliveries/s.`,
      ),
    ],
  };
}

async function measureSize(size: number, smoke: boolean): Promise<SizeResult> {
  const history = await seedHistory(size, { keep: !smoke });
  const bytesPerExchange = (await diskBytes(path.join(history.dataDir, 'history'))) / history.stored;
  const needle = needleFor(size);
  const startsMs: number[] = [];
  const firstPaintsMs: number[] = [];
  let rebuildMs: number | null = null;
  let expected = { filter: 0, search: 0 };
  for (let i = 1; ; i += 1) {
    const engine = await startEngine({ secret: SECRET, dataDir: history.dataDir });
    startsMs.push(engine.startMs);
    let tab: InspectorTab | undefined;
    try {
      if (i === 1) rebuildMs = await rebuilt(engine);
      await sleep(SETTLE_MS);
      const idleRssMb = await engine.rssMb();
      // Each start's page load is that engine's first: what a user opening the UI meets.
      tab = await openInspector(engine.inspectorUrl);
      firstPaintsMs.push((await tab.marks()).firstRow ?? NaN);
      if (i < STARTS) {
        // Asked of an engine that is stopped before the last one starts: the UI's first query
        // is the first that engine sees.
        if (i === 1)
          expected = { filter: await matching(engine, FILTER), search: await matching(engine, needle) };
        continue;
      }
      if (expected.search !== 1)
        throw new Error(`"${needle}" should occur once, not ${expected.search} times.`);
      const filterMs = await timeQueries(tab, FILTER, expected.filter, size);
      const searchMs = await timeQueries(tab, needle, expected.search, size);
      const oldestMs = (await tab.page.evaluate(jumpToOldest, { timeoutMs: SETTLE_TIMEOUT_MS })) ?? Infinity;
      const uiRssMb = await engine.rssMb();
      // A million takes long to seed: what was measured is printed at once, before the other size.
      process.stdout.write(
        `  ${fmt(size)}: starts ${list(startsMs)} ms; RSS ${fmt(idleRssMb)} / ${fmt(uiRssMb)} MB; ` +
          `first paints ${list(firstPaintsMs)} ms; filter ${list(filterMs)} ms; ` +
          `search ${list(searchMs)} ms; oldest ${fmt(oldestMs)} ms; ${fmt(bytesPerExchange)} B/exchange\n`,
      );
      return {
        history,
        startsMs,
        rebuildMs,
        idleRssMb,
        uiRssMb,
        peakRssMb: await engine.peakRssMb(),
        firstPaintsMs,
        filterMs,
        searchMs,
        oldestMs,
        bytesPerExchange,
      };
    } finally {
      await tab?.close();
      await engine.stop();
    }
  }
}

/**
 * A kept folder seeded under an older index version is rebuilt from its records in the
 * background at its first start: wait for that (the status says while it runs) and return how
 * long it took from process start, or null if there was none.
 */
async function rebuilt(engine: Engine): Promise<number | null> {
  const since = performance.now();
  for (let seen = false; ; seen = true) {
    const { storage } = await command(engine, 'status.get', {});
    if (!storage.notices.some((notice) => notice.startsWith('Rebuilding the history index')))
      return seen ? engine.startMs + performance.now() - since : null;
    await sleep(1000);
  }
}

const list = (values: number[]) => values.map((value) => fmt(value)).join(', ');

/** How many exchanges the engine says match, so the UI's count can be waited for. */
const matching = async (engine: Engine, query: string) =>
  (await command(engine, 'exchanges.list', { limit: 1, query })).total;

/** Apply `query` with Enter, wait for the result on screen; clear it again and wait for the full list. */
async function timeQueries(
  tab: InspectorTab,
  query: string,
  expected: number,
  all: number,
): Promise<number[]> {
  const runs: number[] = [];
  const input = tab.page.getByTestId('search-input');
  for (let i = 0; i < REPEATS; i += 1) {
    // A trailing space ends the token, so Enter applies the query instead of picking a completion.
    await input.fill(`${query} `);
    await input.press('Enter');
    const shownAt = await tab.page.evaluate(listShows, { expected, timeoutMs: SETTLE_TIMEOUT_MS });
    const pressedAt = (await tab.marks())['key:Enter'] ?? NaN;
    runs.push(shownAt === null ? Infinity : shownAt - pressedAt);
    await tab.page.getByTestId('clear-search').click();
    await tab.page.evaluate(listShows, { expected: all, timeoutMs: SETTLE_TIMEOUT_MS });
  }
  return runs;
}
