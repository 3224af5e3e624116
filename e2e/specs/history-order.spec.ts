import { readFile } from 'node:fs/promises';
import { expect, freshDelivery, test } from '../fixtures';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A HAR as exported, with every entry dated a week earlier: traffic a colleague captured last week. */
function lastWeek(text: string): Buffer {
  const har = JSON.parse(text) as { log: { entries: { startedDateTime: string }[] } };
  for (const entry of har.log.entries)
    entry.startedDateTime = new Date(Date.parse(entry.startedDateTime) - WEEK_MS).toISOString();
  return Buffer.from(JSON.stringify(har));
}

test('should list exchanges imported from last week below today’s, newest received first', async ({
  okta,
  inspector,
}) => {
  await okta.deliver(freshDelivery('01-user-session-start.json'));
  await okta.deliver(freshDelivery('03-outcome-failure-user-session-start.json'));
  await expect(inspector.rows).toHaveCount(2);

  await inspector.page.getByTestId('export').click();
  const download = await inspector.export({ scope: 'all', format: 'har' });
  const har = lastWeek(await readFile(await download.path(), 'utf8'));
  // Stored after today's deliveries (higher seqs), received a week before them.
  await inspector.importFile({ name: 'last-week.har', mimeType: 'application/json', buffer: har });
  await expect(inspector.rows).toHaveCount(4);
  await okta.deliver(freshDelivery('02-batch-mixed-3-events.json'));
  await expect(inspector.rows).toHaveCount(5);

  const imported = (index: number) =>
    inspector.row(index).getByTestId('flag-origin').filter({ hasText: 'imported' });
  for (const index of [0, 1, 2]) await expect(imported(index)).toHaveCount(0);
  for (const index of [3, 4]) await expect(imported(index)).toHaveCount(1);

  // The keyboard walks the same order: from the oldest of today's to the newest of last week's.
  await inspector.row(2).click();
  await inspector.page.keyboard.press('j');
  await expect(inspector.row(3)).toHaveAttribute('aria-selected', 'true');

  // Read again from the engine (a reload), the order is the same.
  await inspector.page.reload();
  await expect(inspector.rows).toHaveCount(5);
  for (const index of [3, 4]) await expect(imported(index)).toHaveCount(1);
  await expect(imported(2)).toHaveCount(0);
});
