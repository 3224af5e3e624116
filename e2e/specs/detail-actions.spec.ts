import { expect, fixtureText, freshDelivery, SECRET, test } from '../fixtures';
import { readClipboard } from '../pages/inspector-page';

test('should say Copied on the control that copied, for a moment, the c key included', async ({
  okta,
  inspector,
  context,
}) => {
  const { page } = inspector;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  await okta.deliver(fixtureText('01-user-session-start.json'));
  await okta.deliver(freshDelivery('02-batch-mixed-3-events.json'));
  await expect(inspector.rows).toHaveCount(2);
  await inspector.openRow(1);

  const withSecret = inspector.detail.getByTestId('copy-curl-secret');
  await inspector.detail.getByTestId('copy-menu').click();
  await withSecret.click();
  await expect(withSecret).toHaveAttribute('data-copy-state', 'copied');
  expect(await readClipboard(page)).toContain(`Authorization: ${SECRET}`);
  await expect(withSecret).toHaveAttribute('data-copy-state', 'idle');

  // Another exchange's control has copied nothing.
  await withSecret.click();
  await expect(withSecret).toHaveAttribute('data-copy-state', 'copied');
  const first = await inspector.detail.getAttribute('data-exchange-id');
  await inspector.openRow(0);
  await expect(inspector.detail).not.toHaveAttribute('data-exchange-id', first ?? '');
  await inspector.detail.getByTestId('copy-menu').click();
  expect(await withSecret.getAttribute('data-copy-state')).toBe('idle');
  await page.keyboard.press('Escape');

  await page.keyboard.press('c');
  const curl = inspector.detail.getByTestId('copy-curl');
  await expect(curl).toHaveAttribute('data-copy-state', 'copied');
  expect(await readClipboard(page)).toContain("-H 'Authorization: Basic ••••••••'");
  await expect(curl).toHaveAttribute('data-copy-state', 'idle');

  // With the detail pane hidden there is no control to flash: a toast says it.
  await page.keyboard.press('Control+\\');
  await expect(inspector.detail).toBeHidden();
  await page.keyboard.press('c');
  await expect(page.getByTestId('toast')).toHaveText('Copied as cURL (secrets masked).');
});

test('should open a verification on the tab that has its content, and keep the tab a delivery opens on', async ({
  okta,
  inspector,
}) => {
  await okta.verify('challenge-tab');
  await okta.deliver(fixtureText('01-user-session-start.json'));
  await expect(inspector.rows).toHaveCount(2);
  await inspector.openRow(1);
  await expect(inspector.detail.getByTestId('tab-response')).toHaveAttribute('aria-selected', 'true');
  await expect(inspector.detail.getByRole('tabpanel')).toContainText('challenge-tab');
  await inspector.showTab('events');
  await expect(inspector.detail.getByRole('tabpanel')).toContainText('carries no events');

  await inspector.openRow(0);
  await expect(inspector.detail.getByTestId('tab-events')).toHaveAttribute('aria-selected', 'true');
  await expect(inspector.eventTypes()).toHaveText(['user.session.start']);
});

test('should label the copy controls as copies, apart from the tabs', async ({ okta, inspector }) => {
  await okta.deliver(fixtureText('01-user-session-start.json'));
  await inspector.openRow(0);
  const actions = inspector.detail.getByTestId('detail-actions');
  await expect(actions.getByTestId('copy-curl')).toHaveText('Copy as cURL');
  await actions.getByTestId('copy-menu').click();
  await expect(actions.getByTestId('copy-menu-panel').getByRole('button')).toHaveText([
    'cURL with the secret in clear',
    'Request body',
    'Request headers',
    'Response (status, headers, body)',
  ]);
  await expect(actions.getByTestId('copy-menu')).toHaveText(/^Copy/);
});

test('should cancel Compare with… on Escape and keep the detail, and end it with the exchange it started from', async ({
  okta,
  inspector,
}) => {
  const { page } = inspector;
  await okta.deliver(fixtureText('01-user-session-start.json'));
  await okta.deliver(freshDelivery('02-batch-mixed-3-events.json'));
  await okta.deliver(freshDelivery('01-user-session-start.json'));
  await expect(inspector.rows).toHaveCount(3);
  const banner = page.getByTestId('compare-banner');

  // Escape cancels the pick; the detail stays, and the next row clicked is shown, not compared.
  await inspector.openRow(1);
  const started = await inspector.detail.getAttribute('data-exchange-id');
  await inspector.detail.getByTestId('start-compare').click();
  await expect(banner).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(banner).toBeHidden();
  await expect(inspector.detail).toHaveAttribute('data-exchange-id', started ?? '');
  await inspector.row(0).click();
  await expect(inspector.detail).not.toHaveAttribute('data-exchange-id', started ?? '');
  await expect(page.getByTestId('compare-view')).toBeHidden();

  // Hiding the detail it started from ends the pick.
  await inspector.detail.getByTestId('start-compare').click();
  await expect(banner).toBeVisible();
  await page.keyboard.press('Control+\\');
  await expect(inspector.detail).toBeHidden();
  await expect(banner).toBeHidden();
  await page.keyboard.press('Control+\\');
  await expect(inspector.detail).toBeVisible();

  // So does deleting that exchange.
  await inspector.detail.getByTestId('start-compare').click();
  await expect(banner).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(inspector.rows).toHaveCount(2);
  await expect(banner).toBeHidden();
  await inspector.row(0).click();
  await expect(inspector.detail).toBeVisible();
  await expect(page.getByTestId('compare-view')).toBeHidden();
});
