import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { APP_SHOWN, installProbes, type FrameStats } from './page-probes';

export interface InspectorTab {
  page: Page;
  /** Frame and long-task counts since the last reset (see page-probes.ts). */
  frames(): Promise<FrameStats>;
  resetFrames(): Promise<void>;
  /** Marks the probes set in the page (input time stamps, the first row). */
  marks(): Promise<Record<string, number>>;
  /** Live JS heap of the page after a full garbage collection, in MB (Chrome DevTools Protocol). */
  heapMb(): Promise<number>;
  close(): Promise<void>;
}

/** The system Chromium, as the e2e tests use it, at their window size. */
export async function openInspector(url: string): Promise<InspectorTab> {
  const browser: Browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript(installProbes, APP_SHOWN);
  const cdp: CDPSession = await context.newCDPSession(page);
  try {
    // Nothing is run in the page until the app is drawn (see APP_SHOWN), not even the wait for
    // the load event.
    const shown = page.waitForEvent('console', {
      predicate: (message) => message.text() === APP_SHOWN,
      timeout: 120_000,
    });
    // Awaited together: a failed navigation is the error told, and the wait it cuts short (the
    // browser is closed below) is not left to fail unheard, which would end the process first.
    await Promise.all([shown, page.goto(url, { waitUntil: 'commit' })]);
    await page.getByTestId('app').and(page.locator('[data-app-state="ready"]')).waitFor({ timeout: 120_000 });
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    page,
    frames: () => page.evaluate(() => window.__bench.read()),
    resetFrames: () => page.evaluate(() => window.__bench.reset()),
    marks: () => page.evaluate(() => ({ ...window.__bench.marks })),
    heapMb: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 2 ** 20;
    },
    close: () => browser.close(),
  };
}
