import { openInspector, type InspectorTab } from './browser';
import type { BenchOptions } from './options';
import { appears } from './page-probes';
import { DELIVERY_HEADERS, largeDelivery, SECRET } from './payloads';
import { startEngine } from './processes';
import { fmt, judged, type Section } from './report';

const REPEATS = 3;
/** Tabs of the detail view, and what each shows once it has rendered. */
const TABS = [
  { tab: 'payload', ready: '[data-testid="payload"] [data-testid="json-tree"]' },
  { tab: 'raw', ready: '[data-testid="raw-request"]' },
  { tab: 'events', ready: '[data-testid="detail"] [data-testid="envelope"]' },
] as const;

/**
 * One 10 MB JSON delivery into an open UI: how long until its row is listed and its detail
 * view can be read, and whether the page keeps drawing frames meanwhile.
 */
export async function largeBodyBench({ smoke }: BenchOptions): Promise<Section> {
  const body = largeDelivery(smoke ? 200_000 : 10_000_000);
  const engine = await startEngine({ secret: SECRET });
  let tab: InspectorTab | undefined;
  try {
    tab = await openInspector(engine.inspectorUrl);
    await tab.resetFrames();
    const runs: Run[] = [];
    for (let i = 0; i < REPEATS; i += 1) runs.push(await deliverAndOpen(tab, engine.receiverUrl, body));
    const tabs: [string, number][] = [];
    for (const { tab: name, ready } of TABS) {
      await tab.page.getByTestId(`tab-${name}`).click();
      const shownAt = await tab.page.evaluate(appears, ready);
      tabs.push([name, shownAt - ((await tab.marks()).pointerdown ?? NaN)]);
    }
    const frames = await tab.frames();
    const all = (pick: (run: Run) => number) => runs.map((run) => fmt(pick(run))).join(', ');
    const worst = Math.max(...runs.map((run) => run.detailMs));
    return {
      title: 'Large body',
      method:
        `A delivery of ${fmt(body.length / 1e6, 1)} MB of JSON (${fmt(countEvents(body))} sample events) is ` +
        `sent to the engine while its UI is open in the system Chromium (headless, 1360×860), ` +
        `${REPEATS} times. Timed in the page: from sending to the answer and to the row in the list; ` +
        `from the click on the new row, made as soon as it is listed, to the first frame showing ` +
        `the detail view (its default tab, the decoded Okta events); then, on the last one, from ` +
        `each tab click to the frame showing that tab. A probe records the longest gap between ` +
        `animation frames and long tasks over the whole benchmark.`,
      header: ['step', 'ms'],
      rows: [
        ['answered (from sending)', all((run) => run.answeredMs)],
        ['listed (from sending)', all((run) => run.listedMs)],
        ['detail view shown (from the click on the row)', all((run) => run.detailMs)],
        ...tabs.map(([name, ms]): string[] => [`${name} tab shown (from its click)`, fmt(ms)]),
        ['longest gap between frames', fmt(frames.maxGapMs)],
        ['long tasks (> 50 ms): count, longest', `${fmt(frames.longTasks)}, ${fmt(frames.longestTaskMs)}`],
      ],
      verdicts: [
        judged(
          `Detail view usable ${fmt(worst)} ms after the click at worst (target < 1,000 ms)`,
          worst < 1000,
        ),
        `Longest frame gap while the deliveries arrived and were opened: ${fmt(frames.maxGapMs)} ms.`,
      ],
    };
  } finally {
    await tab?.close();
    await engine.stop();
  }
}

interface Run {
  answeredMs: number;
  listedMs: number;
  detailMs: number;
}

/** Send the body, wait for its row at the top of the list, click it and wait for its detail. */
async function deliverAndOpen(tab: InspectorTab, url: string, body: string): Promise<Run> {
  const { page } = tab;
  // Close the previous detail, so the one waited for below can only be the new one's.
  await page.keyboard.press('Escape');
  await page.getByTestId('detail-empty').waitFor();
  const before = await page.getByTestId('exchange-row').count();
  const sentAt = await page.evaluate(() => performance.now());
  const answer = await fetch(url, { method: 'POST', headers: DELIVERY_HEADERS, body });
  if (answer.status !== 204) throw new Error(`the large delivery was answered ${answer.status}`);
  const answeredAt = await page.evaluate(() => performance.now());
  const listedAt = await page.evaluate(appears, `[data-testid="exchange-row"]:nth-child(${before + 1})`);
  await page.getByTestId('exchange-row').first().click();
  const detailAt = await page.evaluate(appears, TABS[2].ready);
  const clickedAt = (await tab.marks()).pointerdown ?? NaN;
  return { answeredMs: answeredAt - sentAt, listedMs: listedAt - sentAt, detailMs: detailAt - clickedAt };
}

const countEvents = (body: string) =>
  (JSON.parse(body) as { data: { events: unknown[] } }).data.events.length;
