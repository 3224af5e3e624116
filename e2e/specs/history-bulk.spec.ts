import { readFile } from 'node:fs/promises';
import { validateHar } from '../../test-support/engine/har-validator';
import { expect, freshDelivery, SECRET, test } from '../fixtures';

const DELIVERIES = [
  '01-user-session-start.json',
  '02-batch-mixed-3-events.json',
  '03-outcome-failure-user-session-start.json',
  '01-user-session-start.json',
];

test('should export the picked rows as a HAR holding just them, which adds nothing when imported back', async ({
  okta,
  inspector,
}) => {
  for (const name of DELIVERIES) await okta.deliver(freshDelivery(name));
  await expect(inspector.rows).toHaveCount(4);

  await inspector.pick(0);
  await inspector.pick(3, 'Shift');
  await expect(inspector.page.getByTestId('selection-count')).toHaveText('4 selected');
  await inspector.pick(1);
  await inspector.pick(2, 'Control');
  await expect(inspector.page.getByTestId('selection-count')).toHaveText('2 selected');
  await expect(inspector.rows.and(inspector.page.locator('[data-picked="true"]'))).toHaveCount(2);

  await inspector.page.getByTestId('export-selected').click();
  const download = await inspector.export({ scope: 'picked', format: 'har' });
  expect(download.suggestedFilename()).toMatch(/^okta-hooks-.*\.har$/);
  const text = await readFile(await download.path(), 'utf8');
  const har = JSON.parse(text) as { log: { entries: { request: { method: string } }[] } };
  expect(validateHar(har)).toEqual([]);
  expect(har.log.entries).toHaveLength(2);
  expect(text).not.toContain(SECRET);
  await expect(inspector.page.getByTestId('job').first()).toHaveAttribute('data-state', 'done');

  await inspector.importFile({ name: 'picked.har', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(inspector.page.getByTestId('job').filter({ hasText: 'picked.har' })).toContainText(
    'Imported 0 exchanges from picked.har. 2 already in history.',
  );
  await inspector.search('origin:imported');
  await expect(inspector.page.getByTestId('no-matches')).toBeVisible();
});

test('should move through the list and act on it with the keyboard', async ({ okta, inspector, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  for (const name of DELIVERIES.slice(0, 3)) await okta.deliver(freshDelivery(name));
  await expect(inspector.rows).toHaveCount(3);
  const { page } = inspector;

  await page.keyboard.press('j');
  await expect(inspector.row(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(inspector.row(1)).toHaveAttribute('aria-selected', 'true');
  await expect(inspector.detail).toBeVisible();
  await page.keyboard.press('k');
  await expect(inspector.row(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+J');
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  await page.keyboard.press('Escape');
  await expect(inspector.selectionBar).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail-empty')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(inspector.detail).toBeVisible();

  await page.keyboard.press('p');
  await expect(inspector.row(1)).toHaveAttribute('data-pinned', 'true');
  await expect(inspector.detail.getByTestId('detail-pin')).toHaveText(/Pinned/);

  await page.keyboard.press('c');
  await expect(inspector.detail.getByTestId('copy-curl')).toHaveAttribute('data-copy-state', 'copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /^curl -i -X 'POST' 'http:\/\/127\.0\.0\.1:\d+\/okta\/event-hook'/,
  );

  await page.keyboard.press('Control+\\');
  await expect(inspector.detail).toBeHidden();
  await page.keyboard.press('Control+\\');
  await expect(inspector.detail).toBeVisible();

  await page.keyboard.press('/');
  await expect(inspector.searchInput).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(inspector.searchInput).not.toBeFocused();

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-sheet')).toContainText('Copy as cURL');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-sheet')).toBeHidden();

  // Each key waits for what the last one did: the move lands on the newest row, the delete
  // leaves the pinned one (now first) and the list's total, which Ctrl+A counts, follows.
  await page.keyboard.press('k');
  await expect(inspector.row(0)).toHaveAttribute('aria-selected', 'true');
  await expect(inspector.row(0)).toHaveAttribute('data-picked', 'true');
  await page.keyboard.press('Delete');
  await expect(inspector.rows).toHaveCount(2);
  await expect(inspector.row(0)).toHaveAttribute('data-pinned', 'true');
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
});
