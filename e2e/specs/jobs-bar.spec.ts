import { expect, oktaTest as test } from '../fixtures';
import { olderHarFile, quirkyBatchHarFile } from '../older-har';

// The bar of import and export results under the panes, in a small window.

test('should keep import results in one line under the panes, the earlier a click away', async ({
  inspector,
}) => {
  const { page } = inspector;
  await page.setViewportSize({ width: 1024, height: 640 });
  await inspector.importFile(olderHarFile());
  await inspector.importFile(quirkyBatchHarFile());
  const jobs = page.getByTestId('job');
  await expect(jobs).toHaveText([/Import quirky\.har/]);
  await page.getByTestId('jobs-earlier').click();
  await expect(jobs).toHaveText([/Import older\.har/, /Import quirky\.har/]);
  await jobs.last().getByTestId('job-dismiss').click();
  await expect(jobs).toHaveText([/Import older\.har/]);
  await expect(page.getByTestId('jobs-earlier')).toBeHidden();
});

test('should keep the panes and the way back to one line when many results are shown', async ({
  inspector,
}) => {
  const { page } = inspector;
  await page.setViewportSize({ width: 1024, height: 640 });
  for (let i = 0; i < 20; i += 1) await inspector.importFile({ ...olderHarFile(), name: `older-${i}.har` });
  await page.getByTestId('jobs-earlier').click();
  await expect(page.getByTestId('job')).toHaveCount(20);
  await expect(page.getByTestId('jobs-earlier')).toBeInViewport();
  const list = await page.getByTestId('exchange-list').boundingBox();
  expect(list?.height ?? 0).toBeGreaterThan(100);
  await page.getByTestId('jobs-earlier').click();
  await expect(page.getByTestId('job')).toHaveCount(1);
});

test("should leave the result bar's Close to its click while a confirmation shows", async ({ inspector }) => {
  const { page } = inspector;
  await page.setViewportSize({ width: 1024, height: 640 });
  await inspector.importFile(olderHarFile());
  await inspector.openRow(0);
  await page.keyboard.press('Control+\\');
  await expect(inspector.detail).toBeHidden();
  await page.keyboard.press('c');
  await expect(page.getByTestId('toast')).toBeVisible();
  const close = await page.getByTestId('job-dismiss').boundingBox();
  if (!close) throw new Error('the result has no Close');
  const hit = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="job-dismiss"]') !== null,
    { x: close.x + close.width / 2, y: close.y + close.height / 2 },
  );
  expect(hit).toBe(true);
});
