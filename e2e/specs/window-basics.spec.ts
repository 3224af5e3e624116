import { expect, freshDelivery, test } from '../fixtures';

test('should keep Settings’ Save in view in a small window', async ({ inspector }) => {
  const { page } = inspector;
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId('open-settings').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('settings-save')).toBeInViewport({ ratio: 1 });
  await dialog.getByTestId('settings-hook-path').fill('/okta/hooks');
  await dialog.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
  await expect(inspector.receiverUrl).toContainText('/okta/hooks');
});

test('should ask in its own dialog before clearing, and clear only when confirmed', async ({
  okta,
  inspector,
}) => {
  const { page } = inspector;
  await okta.deliver(freshDelivery('01-user-session-start.json'));
  await okta.deliver(freshDelivery('01-user-session-start.json'));
  await expect(inspector.rows).toHaveCount(2);

  await inspector.clearAll();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Delete every captured request that is not pinned?');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(inspector.rows).toHaveCount(2);

  const accept = confirm.getByTestId('confirm-accept');
  await inspector.clearAll();
  await expect(accept).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(inspector.rows).toHaveCount(2);

  // Every confirmation opens with its action focused (not only the page's first): Enter confirms.
  await inspector.clearAll();
  await expect(accept).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(inspector.rows).toHaveCount(0);
});

test('should hold the keyboard in a dialog and give it back to the button that opened it', async ({
  inspector,
}) => {
  const { page } = inspector;
  const opener = page.getByTestId('open-settings').first();
  await opener.click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  const focusInDialog = () =>
    page.evaluate(() => !!document.activeElement?.closest('[data-testid="settings-dialog"]'));
  expect(await focusInDialog()).toBe(true);
  // Round the dialog's controls and past its ends, both ways: never onto the page under it.
  for (const key of [...Array<string>(40).fill('Tab'), ...Array<string>(40).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await focusInDialog()).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('should move through the More menu with the arrow keys and give focus back on Escape', async ({
  inspector,
}) => {
  const { page } = inspector;
  const more = page.getByTestId('more-actions');
  await more.focus();
  await page.keyboard.press('Enter');
  const items = page.getByTestId('more-actions-panel').locator('button:not([disabled])');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('more-actions-panel')).toBeHidden();
  await expect(more).toBeFocused();
});

test('should have a favicon', async ({ inspector }) => {
  const { page } = inspector;
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).not.toBeNull();
  const icon = await page.request.get(new URL(href ?? '', page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\//);
});
