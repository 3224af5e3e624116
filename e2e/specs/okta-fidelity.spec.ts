import { expect, fixtureText, test } from '../fixtures';

test('should send a sample batch from the UI and show it decoded, marked as a sample', async ({
  inspector,
}, testInfo) => {
  await inspector.sendSample(['group.user_membership.add', 'user.account.lock']);
  await expect(inspector.rows).toHaveCount(1);
  await expect(inspector.row(0).getByTestId('flag-origin')).toHaveText('sample');
  await expect(inspector.outcome(0)).toHaveText('accepted');
  await expect(inspector.eventTypes()).toHaveText(['group.user_membership.add', 'user.account.lock']);
  await expect(inspector.detail.getByTestId('note-outcome')).toContainText(
    'Okta counts the delivery as done.',
  );
  await inspector.page.screenshot({ path: testInfo.outputPath('sample-detail.png') });
});

test("should predict Okta's retry after a server error, and the loss when the retry fails too", async ({
  inspector,
  okta,
}, testInfo) => {
  await inspector.choosePreset('server-error');
  await expect(inspector.page.getByTestId('response-policy')).toHaveText('Answer: Server error (500)');
  const body = fixtureText('01-user-session-start.json');
  expect((await okta.deliver(body)).status).toBe(500);
  await expect(inspector.outcome(0)).toHaveText('will retry');
  await inspector.openRow(0);
  await expect(inspector.detail.getByTestId('note-outcome')).toContainText('Okta will retry once.');

  expect((await okta.deliver(body)).status).toBe(500);
  await expect(inspector.rows).toHaveCount(2);
  await expect(inspector.row(0).getByTestId('flag-repeat')).toBeVisible();
  await expect(inspector.outcome(0)).toHaveText('lost');
  await inspector.openRow(0);
  await expect(inspector.detail.getByTestId('note-repeat')).toBeVisible();
  await expect(inspector.detail.getByTestId('note-outcome')).toContainText('the events are lost');
  await inspector.page.screenshot({ path: testInfo.outputPath('retry-lost.png') });
  await inspector.detail.getByTestId('show-first-sighting').click();
  await expect(inspector.row(1)).toHaveAttribute('aria-selected', 'true');
});

test('should explain a verification the wrong secret made Okta reject', async ({ inspector, okta }) => {
  const response = await fetch(okta.receiverUrl, { headers: { 'X-Okta-Verification-Challenge': 'abc' } });
  expect(response.status).toBe(401);
  await expect(inspector.outcome(0)).toHaveText('not verified');
  await inspector.openRow(0);
  await expect(inspector.detail.getByTestId('note-outcome')).toContainText(
    'Okta will reject: the auth check rejected it.',
  );
  await expect(inspector.detail.getByTestId('note-auth')).toContainText('has no Authorization header');
  // Why comes first, in view in a small window whatever notes follow.
  await inspector.page.setViewportSize({ width: 1024, height: 640 });
  await expect(inspector.detail.getByTestId('note-outcome').getByTestId('note-auth')).toBeInViewport();
});
