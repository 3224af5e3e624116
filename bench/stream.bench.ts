import { openInspector, type InspectorTab } from './browser';
import { storedCount } from './engine-api';
import { pacedLoad } from './paced-load';
import type { BenchOptions } from './options';
import { listShows, listTotal } from './page-probes';
import { DELIVERY_HEADERS, numberedDeliveries, SECRET } from './payloads';
import { startEngine } from './processes';
import { fmt, judged, type Section } from './report';

/** How long the UI may take, after the last delivery, to show them all before rows count as lost. */
const CATCH_UP_TIMEOUT_MS = 60_000;

/**
 * Deliveries at a steady rate into the engine while the real UI shows them in Chromium: does
 * every one appear, and does the page keep drawing frames meanwhile?
 */
export async function streamBench({ smoke }: BenchOptions): Promise<Section> {
  const rate = smoke ? 200 : 2000;
  const durationS = smoke ? 2 : 20;
  const engine = await startEngine({ secret: SECRET });
  let tab: InspectorTab | undefined;
  try {
    tab = await openInspector(engine.inspectorUrl);
    await tab.resetFrames();
    const sent = await pacedLoad({
      url: engine.receiverUrl,
      headers: DELIVERY_HEADERS,
      body: numberedDeliveries(),
      connections: 50,
      durationS,
      rate,
    });
    const during = await tab.frames();
    const stored = await storedCount(engine);
    const caughtUp = await catchUp(tab, stored);
    const after = await tab.frames();
    // Lost: acknowledged but not stored, or stored but never shown.
    const lost = Math.max(0, sent.ok - stored) + (stored - caughtUp.shown);
    return {
      title: 'Live stream into the UI',
      method:
        `The engine in headless mode (hook secret set) and its UI in the system Chromium (headless, ` +
        `1360×860, driven by Playwright) on the same 2 cores as the load generator, which sends ` +
        `${fmt(rate)} deliveries/s, evenly paced, for ${durationS} s over up to 50 keep-alive ` +
        `connections (bench/paced-load.ts), each a distinct 1-event delivery. A probe in the page records the time between animation frames and long tasks ` +
        `(PerformanceObserver 'longtask'). Afterwards the list's row count (its aria-rowcount, fed by ` +
        `the UI's store) is compared with what the engine stored.`,
      header: ['measure', 'value'],
      rows: [
        ['deliveries answered 2xx (of sent)', `${fmt(sent.ok)} (of ${fmt(sent.sent)})`],
        ['achieved rate, deliveries/s', fmt(sent.achievedRate)],
        ['delivery p99 latency, ms', fmt(sent.p99Ms, 1)],
        ['stored by the engine', fmt(stored)],
        ['shown by the UI', fmt(caughtUp.shown)],
        ['UI caught up, ms after the last delivery', caughtUp.ms === null ? 'never' : fmt(caughtUp.ms)],
        ['frames drawn during the stream', fmt(during.frames)],
        ['longest gap between frames, ms', fmt(during.maxGapMs)],
        ['gaps over 100 ms', fmt(during.gapsOver100Ms)],
        ['long tasks (> 50 ms)', fmt(during.longTasks)],
        ['longest task, ms', fmt(during.longestTaskMs)],
        ['time in long tasks, ms', fmt(during.longTaskTotalMs)],
        ['longest frame gap while catching up, ms', fmt(after.maxGapMs)],
      ],
      verdicts: [
        judged(`${fmt(lost)} rows lost (target 0)`, lost === 0),
        judged(`Longest frame gap ${fmt(during.maxGapMs)} ms (target ≤ 100 ms)`, during.maxGapMs <= 100),
      ],
    };
  } finally {
    await tab?.close();
    await engine.stop();
  }
}

/** Wait for the list to count `stored` rows: how long that took (null: not in time), and what it shows. */
async function catchUp(tab: InspectorTab, stored: number) {
  const start = await tab.page.evaluate(() => performance.now());
  const shownAt = await tab.page.evaluate(listShows, { expected: stored, timeoutMs: CATCH_UP_TIMEOUT_MS });
  const shown = await tab.page.evaluate(listTotal);
  return { shown, ms: shownAt === null ? null : shownAt - start };
}
