import { expect, fixtureText, test } from '../fixtures';

test('should replay an edited payload to a local handler, link the result and show the diff', async ({
  okta,
  inspector,
  handler,
}, testInfo) => {
  const original = fixtureText('01-user-session-start.json');
  expect((await okta.deliver(original)).status).toBe(204);
  await inspector.openRow(0);

  const edited = original.replace('maria.lopez@example.com', 'replayed@example.com');
  await inspector.replayTo(handler.url, edited);

  await expect.poll(() => handler.seen.length).toBe(1);
  expect(handler.seen[0]!.body.toString()).toBe(edited);
  await expect(inspector.rows).toHaveCount(2);
  await expect(inspector.row(0).getByTestId('flag-origin')).toHaveText('replay');
  await expect(inspector.detail.getByTestId('status-badge').first()).toHaveText('200 OK');

  await inspector.detail.getByTestId('compare-original').click();
  const diff = inspector.page.getByTestId('diff-request-body');
  await expect(diff.locator('tr')).toHaveCount(1);
  await expect(diff).toContainText('data.events[0].actor.alternateId');
  await expect(diff).toContainText('replayed@example.com');
  await expect(inspector.page.getByTestId('compare-view')).toContainText('Response 204 → 200');
  await inspector.page.screenshot({ path: testInfo.outputPath('replay-compare.png') });
});

test('should copy a delivery as cURL with the secret masked', async ({ okta, inspector, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await okta.deliver(fixtureText('01-user-session-start.json'));
  await inspector.openRow(0);
  await inspector.detail.getByTestId('copy-curl').click();
  const copied = await inspector.page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^curl -i -X 'POST' 'http:\/\/127\.0\.0\.1:\d+\/okta\/event-hook'/);
  expect(copied).toContain("-H 'Authorization: Basic ••••••••'");
  expect(copied).toContain('--data-binary');
});

test('should replay a picked selection from the keyboard in the order Okta published it', async ({
  okta,
  inspector,
  handler,
}) => {
  const late = fixtureText('03-outcome-failure-user-session-start.json');
  const early = fixtureText('01-user-session-start.json');
  await okta.deliver(late);
  await okta.deliver(early);
  await expect(inspector.rows).toHaveCount(2);
  await inspector.pick(0);
  await inspector.pick(1, 'Shift');
  await inspector.page.keyboard.press('r');

  const dialog = inspector.page.getByTestId('replay-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Replay 2 exchanges');
  await dialog.getByTestId('replay-target-url').check();
  await dialog.getByTestId('replay-url').fill(handler.url);
  await dialog.getByTestId('replay-order-published').click();
  await dialog.getByTestId('replay-send').click();

  await expect.poll(() => handler.seen.length).toBe(2);
  expect(handler.seen.map((seen) => seen.body.toString())).toEqual([early, late]);
  await expect(inspector.page.getByTestId('flag-origin').filter({ hasText: 'replay' })).toHaveCount(2);
});

test('should act on the replay the detail shows, ask before deleting what was not picked by hand, and forget what was deleted', async ({
  okta,
  inspector,
}) => {
  const { page } = inspector;
  await okta.deliver(fixtureText('01-user-session-start.json'));
  await inspector.openRow(0);
  await inspector.detail.getByTestId('open-replay').click();
  const dialog = page.getByTestId('replay-dialog');
  await dialog.getByTestId('replay-target-receiver').check();
  await dialog.getByTestId('replay-send').click();
  await expect(dialog).toBeHidden();
  await expect(inspector.rows).toHaveCount(2);
  await expect(inspector.detail.getByTestId('show-original')).toBeVisible();

  // The pick followed the detail to the replay (row 0): keys act on it, not on the original.
  await expect(inspector.row(0)).toHaveAttribute('data-picked', 'true');
  await expect(inspector.row(1)).toHaveAttribute('data-picked', 'false');
  await page.keyboard.press('p');
  await expect(inspector.row(0)).toHaveAttribute('data-pinned', 'true');
  await expect(inspector.row(1)).toHaveAttribute('data-pinned', 'false');
  const confirm = page.getByTestId('confirm-dialog');
  await page.keyboard.press('Delete');
  await expect(confirm).toContainText('not picked in the list');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(inspector.rows).toHaveCount(2);

  // Open the original from the replay and delete it: the replay stays.
  await inspector.detail.getByTestId('show-original').click();
  await expect(inspector.detail.getByTestId('replays')).toBeVisible();
  await page.keyboard.press('Delete');
  await confirm.getByTestId('confirm-accept').click();
  await expect(inspector.rows).toHaveCount(1);
  await expect(inspector.row(0).getByTestId('flag-origin')).toHaveText('replay');

  // The deleted original is gone from every cache: the engine is asked, and says so.
  await inspector.openRow(0);
  await inspector.detail.getByTestId('show-original').click();
  await expect(page.getByTestId('detail-error')).toBeVisible();
});
