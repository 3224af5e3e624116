import { setTimeout as sleep } from 'node:timers/promises';
import { openInspector, type InspectorTab } from './browser';
import type { BenchOptions } from './options';
import { jumpToOldest } from './page-probes';
import { SECRET } from './payloads';
import { startEngine } from './processes';
import { fmt, judged, type Section } from './report';
import { seedHistory } from './seeded-history';

/** Lets timers and retention settle after start-up before memory is read. */
const SETTLE_MS = 2000;

/**
 * Memory at a full history: the engine's resident set after receiving it and after a restart
 * on it, and the renderer's JS heap with the newest rows in view and with the oldest.
 */
export async function memoryBench({ smoke }: BenchOptions): Promise<Section> {
  const size = smoke ? 2_000 : 100_000;
  const history = await seedHistory(size, { keep: !smoke });
  const engine = await startEngine({ secret: SECRET, dataDir: history.dataDir });
  let tab: InspectorTab | undefined;
  try {
    await sleep(SETTLE_MS);
    const opened = await engine.rssMb();
    tab = await openInspector(engine.inspectorUrl);
    const firstPageHeap = await tab.heapMb();
    await tab.page.evaluate(jumpToOldest, { timeoutMs: 30_000 });
    const oldestHeap = await tab.heapMb();
    const served = await engine.rssMb();
    const peak = await engine.peakRssMb();
    const steady = Math.max(history.rssMb, opened, served);
    return {
      title: 'Memory',
      method:
        `The smaller history above: ${fmt(history.stored)} exchanges delivered over HTTP into a data ` +
        `folder (kept between runs; seeded ${history.seededAt.slice(0, 16).replace('T', ' ')} UTC). ` +
        `Engine: resident set size (VmRSS, and the peak VmHWM, from /proc) of the headless process ` +
        `that received them once its index had caught up, then of a new one started on the folder, ` +
        `idle and after its UI jumped to the oldest row. Renderer: the page's live JS heap after a ` +
        `full garbage collection (Chrome DevTools Protocol Runtime.getHeapUsage) with the newest ` +
        `rows in view and after jumping to the oldest (the list holds only the rows around the view).`,
      header: ['measure', 'MB'],
      rows: [
        ['engine RSS after receiving them', fmt(history.rssMb)],
        ['engine peak RSS while receiving them', fmt(history.peakRssMb)],
        ['engine RSS restarted on them, idle', fmt(opened)],
        ['engine RSS after the UI jumped to the oldest row', fmt(served)],
        ['engine peak RSS since the restart', fmt(peak)],
        ['renderer JS heap, newest rows in view', fmt(firstPageHeap, 1)],
        ['renderer JS heap, oldest rows in view', fmt(oldestHeap, 1)],
      ],
      verdicts: [
        judged(
          `Engine RSS at ${fmt(history.stored)} exchanges: at most ${fmt(steady)} MB (target < 200 MB)`,
          steady < 200,
        ),
        `Peak engine RSS: ${fmt(Math.max(history.peakRssMb, peak))} MB.`,
      ],
    };
  } finally {
    await tab?.close();
    await engine.stop();
  }
}
