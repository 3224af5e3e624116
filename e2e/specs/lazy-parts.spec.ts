import type { Page } from '@playwright/test';
import { expect, freshDelivery, test, type OktaSender } from '../fixtures';
import type { InspectorPage } from '../pages/inspector-page';

/**
 * The dialogs, panels and an exchange's detail are chunks of their own, fetched the first time
 * they are shown (renderer/src/ui/lazy-part.tsx): each still opens, and the first screen
 * fetches none of them.
 */

/** The chunk (file name without its hash) of each part the first screen does not show. */
const LAZY_CHUNKS = [
  'exchange-detail',
  'settings-form',
  'export-form',
  'sample-form',
  'filters-panel',
  'okta-org-dialog',
  'inline-hooks-dialog',
  'replay-dialog',
  'batch-replay-dialog',
  'compare-panel',
];

/** The chunks the page has fetched so far. */
const fetchedChunks = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.split('/').pop() ?? '')
      .filter((file) => file.endsWith('.js'))
      .map((file) => file.replace(/-[\w-]{8}\.js$/, '')),
  );

/** Open a dialog with `open`, see it, and close it with Escape. */
async function opens(page: Page, testId: string, open: () => Promise<void>) {
  await open();
  await expect(page.getByTestId(testId)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(testId)).toBeHidden();
}

async function twoDeliveries(inspector: InspectorPage, okta: OktaSender) {
  await okta.deliver(freshDelivery('01-user-session-start.json'));
  await okta.deliver(freshDelivery('02-batch-mixed-3-events.json'));
  await expect(inspector.rows).toHaveCount(2);
}

test('should fetch the chunk of a part only when it is first shown', async ({
  inspector,
  okta,
}, testInfo) => {
  testInfo.skip(
    testInfo.project.name === 'electron',
    'the page fetches its chunks over HTTP in headless mode',
  );
  const { page } = inspector;
  await twoDeliveries(inspector, okta);
  const atStart = await fetchedChunks(page);
  expect(atStart).toContain('render-app');
  expect(atStart.filter((chunk) => LAZY_CHUNKS.includes(chunk))).toEqual([]);

  await inspector.openRow(0);
  await opens(page, 'settings-dialog', () => page.getByTestId('open-settings').click());
  expect(await fetchedChunks(page)).toEqual(expect.arrayContaining(['exchange-detail', 'settings-form']));
});

test('should open every part the first screen leaves out', async ({ inspector, okta }) => {
  const { page, detail } = inspector;
  await twoDeliveries(inspector, okta);

  await inspector.openRow(0);
  for (const tab of ['events', 'payload', 'raw', 'headers', 'response', 'timing'] as const) {
    await inspector.showTab(tab);
    await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await expect(detail.getByRole('tabpanel')).not.toBeEmpty();
  }
  await opens(page, 'replay-dialog', () => detail.getByTestId('open-replay').click());
  await detail.getByTestId('start-compare').click();
  await inspector.row(1).click();
  await expect(page.getByTestId('diff-request-body')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('compare-view')).toBeHidden();

  await inspector.pick(0);
  await inspector.pick(1, 'Shift');
  await opens(page, 'replay-dialog', () => inspector.selectionBar.getByTestId('replay-selected').click());

  await opens(page, 'settings-dialog', () => page.getByTestId('open-settings').click());
  await opens(page, 'export-dialog', () => page.getByTestId('export').click());
  await opens(page, 'okta-panel', () => page.getByTestId('open-okta').click());
  await opens(page, 'inline-panel', () => page.getByTestId('open-inline').click());
  for (const [testId, item] of [
    ['sample-dialog', 'open-samples'],
    ['filters-dialog', 'open-filters'],
  ] as const) {
    await opens(page, testId, async () => {
      await inspector.openMore();
      await page.getByTestId(item).click();
    });
  }
});
