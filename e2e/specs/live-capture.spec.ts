import { expect, fixtureText, SECRET, test } from '../fixtures';

const DELIVERIES = [
  '01-user-session-start.json',
  '02-batch-mixed-3-events.json',
  '03-outcome-failure-user-session-start.json',
];

test('should show the verification and three deliveries live, decoded, with headers, status and timing', async ({
  okta,
  inspector,
}, testInfo) => {
  const verification = await okta.verify('challenge-e2e-1');
  expect(verification.status).toBe(200);
  expect(await verification.json()).toEqual({ verification: 'challenge-e2e-1' });
  for (const name of DELIVERIES) {
    const response = await okta.deliver(fixtureText(name));
    expect(response.status).toBe(204);
  }

  await expect(inspector.rows).toHaveCount(4);
  await expect(inspector.row(3)).toHaveAttribute('data-kind', 'verification');
  await expect(inspector.row(2)).toContainText('user.session.start');
  await expect(inspector.row(1)).toContainText('user.lifecycle.create +2');

  await inspector.openRow(1);
  await expect(inspector.eventTypes()).toHaveText([
    'user.lifecycle.create',
    'group.user_membership.add',
    'user.account.lock',
  ]);
  // eventTime (when Okta made the delivery) minus each event's published time.
  await expect(inspector.detail.getByTestId('okta-event-held').first()).toContainText(
    'Okta sent it 5316 ms later',
  );
  await expect(inspector.detail.getByTestId('status-badge').first()).toHaveText('204 No Content');
  await testInfo.attach('detail-view', { body: await inspector.page.screenshot(), contentType: 'image/png' });
  await inspector.page.screenshot({ path: testInfo.outputPath('detail-view.png') });

  await inspector.showTab('headers');
  const headers = inspector.detail.getByTestId('request-headers');
  await expect(headers).toContainText('Content-Type');
  await expect(headers).toContainText('Basic ••••••••');
  await expect(headers).not.toContainText(SECRET);
  await inspector.detail.getByTestId('reveal-secrets').click();
  await expect(headers).toContainText(SECRET);
  await inspector.detail.getByTestId('hide-secrets').click();
  await expect(headers).not.toContainText(SECRET);

  await inspector.showTab('response');
  await expect(inspector.detail.getByTestId('response-status')).toHaveText('204 No Content');

  await inspector.showTab('timing');
  await expect(inspector.detail.getByTestId('timing')).toContainText('Answered');
});

test('should show a rejected delivery with the reason the secret did not match', async ({
  okta,
  inspector,
}) => {
  const response = await okta.deliver(fixtureText(DELIVERIES[0] as string), 'Basic wrong');
  expect(response.status).toBe(401);
  await expect(inspector.row(0)).toHaveAttribute('data-status', '401');
  await expect(inspector.row(0).getByTestId('auth-badge')).toHaveAttribute('data-auth', 'mismatch');
  // Its body was kept, not decoded: whether it held events is unknown.
  await expect(inspector.row(0).locator('.cell--events')).toContainText('not decoded');
  await inspector.openRow(0);
  await expect(inspector.detail.getByTestId('notes')).toContainText('does not match the configured secret');

  // The Filter menu names it in the list's words.
  const badge = await inspector.row(0).getByTestId('auth-badge').textContent();
  await inspector.page.getByTestId('add-filter').click();
  await expect(
    inspector.page.locator('[data-testid="filter-option"][data-filter="auth:mismatch"]'),
  ).toHaveText(badge ?? '');
});

test('should tell a new user where to send requests', async ({ inspector, okta }) => {
  await expect(inspector.page.getByTestId('empty-state')).toBeVisible();
  await expect(inspector.page.getByTestId('empty-hook-url')).toHaveText(okta.receiverUrl);
});
