import { openInspector, type InspectorTab } from './browser';
import type { BenchOptions } from './options';
import { appears } from './page-probes';
import { DELIVERY_HEADERS, largeDelivery, SECRET } from './payloads';
import { startEngine } from './processes';
import { fmt, judged, type Section } from './report';

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
    const page = tab.page;
    await tab.resetFrames();
    const sentAt = await page.evaluate(() => performance.now());
    const answer = await fetch(engine.receiverUrl, { method: 'POST', headers: DELIVERY_HEADERS, body });
    const answeredAt = await page.evaluate(() => performance.now());
    const listedAt = await page.evaluate(appears, '[data-testid="exchange-row"]');
    await page.getByTestId('exchange-row').first().click();
    // The detail opens on its default tab, Okta events.
    const detailAt = await page.evaluate(appears, TABS[2].ready);
    const clickedAt = (await tab.marks()).pointerdown ?? NaN;
    const tabs: [string, number][] = [];
    for (const { tab: name, ready } of TABS) {
      await page.getByTestId(`tab-${name}`).click();
      const shownAt = await page.evaluate(appears, ready);
      tabs.push([name, shownAt - ((await tab.marks()).pointerdown ?? NaN)]);
    }
    const frames = await tab.frames();
    const usableMs = detailAt - clickedAt;
    return {
      title: 'Large body',
      method:
        `One delivery of ${fmt(body.length / 1e6, 1)} MB of JSON (${fmt(countEvents(body))} sample events) is ` +
        `sent to the engine while its UI is open in the system Chromium (headless, 1360×860). Timed ` +
        `in the page: from sending to the row in the list; from the click on the row to the first ` +
        `frame showing the detail view (its default tab, the decoded Okta events); then from each ` +
        `tab click to the frame showing that tab. A probe records the longest gap between ` +
        `animation frames and long tasks from sending until the last tab was shown.`,
      header: ['step', 'ms'],
      rows: [
        [`answered ${answer.status}`, fmt(answeredAt - sentAt)],
        ['listed (from sending)', fmt(listedAt - sentAt)],
        ['detail view shown (from the click on the row)', fmt(usableMs)],
        ...tabs.map(([name, ms]): string[] => [`${name} tab shown (from its click)`, fmt(ms)]),
        ['longest gap between frames', fmt(frames.maxGapMs)],
        ['long tasks (> 50 ms): count, longest', `${fmt(frames.longTasks)}, ${fmt(frames.longestTaskMs)}`],
      ],
      verdicts: [
        judged(`Detail view usable ${fmt(usableMs)} ms after the click (target < 1,000 ms)`, usableMs < 1000),
        `Longest frame gap while it arrived and was opened: ${fmt(frames.maxGapMs)} ms.`,
      ],
    };
  } finally {
    await tab?.close();
    await engine.stop();
  }
}

const countEvents = (body: string) =>
  (JSON.parse(body) as { data: { events: unknown[] } }).data.events.length;
