import { expect, freshDelivery, test } from '../fixtures';

/** What the list drew in the first frame that had rows: how many, and how many below its view. */
interface FirstRowFrame {
  rows: number;
  below: number;
}

declare global {
  interface Window {
    __firstRowFrame?: FirstRowFrame;
  }
}

/** Runs in the page before its own scripts (addInitScript): looks at every frame until one has rows. */
function recordFirstRowFrame() {
  const look = () => {
    const rows = [...document.querySelectorAll('[data-testid="exchange-row"]')];
    const scroller = document.querySelector('.list__scroller');
    if (rows.length === 0 || !scroller) {
      requestAnimationFrame(look);
      return;
    }
    const bottom = scroller.getBoundingClientRect().bottom;
    const below = rows.filter((row) => row.getBoundingClientRect().top >= bottom).length;
    window.__firstRowFrame = { rows: rows.length, below };
  };
  requestAnimationFrame(look);
}

/** More than the list's view holds at the test window's size (about 19 rows). */
const STORED = 30;

test('should draw only the rows in view in the first frame of the list, and those below it after', async ({
  okta,
  inspector,
}) => {
  for (let i = 0; i < STORED; i += 1) await okta.deliver(freshDelivery('01-user-session-start.json'));
  await expect(inspector.rows).toHaveCount(STORED);

  const { page } = inspector;
  await page.addInitScript(recordFirstRowFrame);
  await page.reload();
  await inspector.waitUntilReady();
  await page.waitForFunction(() => window.__firstRowFrame !== undefined);
  const first = await page.evaluate(() => window.__firstRowFrame);
  expect(first?.rows).toBeGreaterThan(0);
  expect(first?.below).toBe(0);
  // The rows below the view are drawn once that frame is on screen: scrolling a little shows them.
  await expect(inspector.rows).toHaveCount(STORED);
});
