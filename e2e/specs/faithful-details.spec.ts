import { expect, fixtureText, freshDelivery, test } from '../fixtures';

test('should show the type in Compare when only the type differs', async ({ okta, inspector }) => {
  await okta.deliver('{"id":"0","count":1}', null);
  await okta.deliver('{"id":0,"count":2}', null);
  await expect(inspector.rows).toHaveCount(2);
  await inspector.openRow(1);
  await inspector.detail.getByTestId('start-compare').click();
  await inspector.row(0).click();
  const diff = inspector.page.getByTestId('diff-request-body');
  const id = diff.locator('tr').filter({ hasText: /^changed\s*id/ });
  await expect(id.locator('.diff__before')).toHaveText('"0" (string)');
  await expect(id.locator('.diff__after')).toHaveText('0 (number)');
  const count = diff.locator('tr').filter({ hasText: /^changed\s*count/ });
  await expect(count.locator('.diff__before')).toHaveText('1');
  await expect(count.locator('.diff__after')).toHaveText('2');
});

test('should keep paths and ids in Compare on one line in a small window', async ({ okta, inspector }) => {
  const { page } = inspector;
  await page.setViewportSize({ width: 1024, height: 640 });
  await okta.deliver(fixtureText('02-batch-mixed-3-events.json'));
  await okta.deliver('{"hello":"not okta"}');
  await inspector.openRow(1);
  await inspector.detail.getByTestId('start-compare').click();
  await inspector.row(0).click();
  const diff = page.getByTestId('diff-request-body');
  const lineHeight =
    (
      await diff
        .locator('tr')
        .filter({ hasText: /^added\s*hello/ })
        .boundingBox()
    )?.height ?? 0;
  for (const path of ['cloudEventsVersion', 'eventTypeVersion', 'eventId']) {
    const row = diff.locator('tr').filter({ hasText: new RegExp(`^removed\\s*${path}"`) });
    expect((await row.boundingBox())?.height, path).toBeLessThan(lineHeight * 1.5);
  }
});

test('should replay as captured without adding headers', async ({ okta, inspector }) => {
  await okta.deliver(fixtureText('01-user-session-start.json'));
  await inspector.openRow(0);
  await inspector.detail.getByTestId('open-replay').click();
  const dialog = inspector.page.getByTestId('replay-dialog');
  await dialog.getByTestId('replay-target-receiver').check();
  await dialog.getByTestId('replay-send').click();
  await expect(dialog).toBeHidden();
  await expect(inspector.rows).toHaveCount(2);
  await inspector.detail.getByTestId('compare-original').click();
  await expect(inspector.page.getByTestId('diff-request-headers')).toHaveText('Same headers.');
});

test('should not call an answer headerless when the HTTP server added its own headers', async ({
  okta,
  inspector,
}) => {
  await okta.deliver(freshDelivery('01-user-session-start.json'));
  await inspector.openRow(0);
  await inspector.showTab('response');
  const tab = inspector.detail.getByRole('tabpanel');
  await expect(tab).not.toContainText('No headers.');
  await expect(tab.getByTestId('response-headers-note')).toContainText('Date, Connection and Keep-Alive');
});

test('should say a missing envelope key is missing, not null', async ({ okta, inspector }) => {
  await okta.deliver('{"hello":"not okta"}');
  await inspector.openRow(0);
  await inspector.detail.getByTestId('problems-toggle').click();
  const problem = inspector.detail.locator('[data-testid="problem"][data-code="envelope-type"]');
  await expect(problem).toHaveText('There is no eventType; Okta sends "com.okta.event_hook".');
});
