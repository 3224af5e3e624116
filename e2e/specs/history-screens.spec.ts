import type { TestInfo } from '@playwright/test';
import { expect, freshDelivery, test, type OktaSender } from '../fixtures';
import type { InspectorPage } from '../pages/inspector-page';

const NAMES = [
  '01-user-session-start.json',
  '02-batch-mixed-3-events.json',
  '03-outcome-failure-user-session-start.json',
];

/** A history with every outcome: accepted, rejected (401), failed (500) and timed out. */
async function varied(okta: OktaSender, inspector: InspectorPage): Promise<void> {
  await okta.verify('screens');
  for (let i = 0; i < 9; i += 1) await okta.deliver(freshDelivery(NAMES[i % 3] as string));
  await okta.deliver(freshDelivery(NAMES[0] as string), 'Basic wrong');
  await inspector.choosePreset('server-error');
  await okta.deliver(freshDelivery(NAMES[1] as string));
  await inspector.choosePreset('timeout');
  await Promise.all([
    okta.deliver(freshDelivery(NAMES[2] as string)),
    okta.deliver(freshDelivery(NAMES[0] as string)),
  ]);
  await inspector.choosePreset('accept');
  for (let i = 0; i < 6; i += 1) await okta.deliver(freshDelivery(NAMES[i % 3] as string));
  await expect(inspector.rows).toHaveCount(20);
}

/** A screenshot per theme; `open` shows an overlay after the theme is set (it would cover the toggle). */
async function shoot(
  inspector: InspectorPage,
  testInfo: TestInfo,
  name: string,
  open?: { show: () => Promise<void>; hide: () => Promise<void> },
): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await inspector.setTheme(theme);
    await open?.show();
    await inspector.page.screenshot({ path: testInfo.outputPath(`${name}-${theme}.png`) });
    await open?.hide();
  }
}

test('should look right in both themes: timeline, search with chips, selection, export dialog', async ({
  okta,
  inspector,
}, testInfo) => {
  test.setTimeout(150_000);
  await varied(okta, inspector);
  await expect(inspector.timeline.locator('.tl-bar--timedOut')).not.toHaveCount(0);
  await inspector.openRow(2);
  await shoot(inspector, testInfo, 'history-overview');

  await inspector.search('type:user.session.start -status:2xx maria');
  await expect(inspector.chips).toHaveCount(3);
  await shoot(inspector, testInfo, 'search-chips');
  const { page } = inspector;
  await shoot(inspector, testInfo, 'filter-menu', {
    show: async () => {
      await page.getByTestId('add-filter').click();
      await page.getByTestId('filter-type-search').fill('session');
    },
    hide: () => page.keyboard.press('Escape'),
  });
  await page.getByTestId('clear-search').click();

  await inspector.pick(1);
  await inspector.pick(4, 'Shift');
  await expect(page.getByTestId('selection-count')).toHaveText('4 selected');
  await shoot(inspector, testInfo, 'selection');
  await shoot(inspector, testInfo, 'export-dialog', {
    show: () => page.getByTestId('export-selected').click(),
    hide: () => page.keyboard.press('Escape'),
  });
  await shoot(inspector, testInfo, 'shortcuts', {
    show: () => page.keyboard.press('?'),
    hide: () => page.keyboard.press('Escape'),
  });
});
