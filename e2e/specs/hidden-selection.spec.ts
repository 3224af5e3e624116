import { expect, freshDelivery, test, type OktaSender } from '../fixtures';
import type { InspectorPage } from '../pages/inspector-page';

const SESSION = '01-user-session-start.json';
const BATCH = '02-batch-mixed-3-events.json';

/** A session delivery opened in the detail pane, then a search that leaves it out of the list. */
async function hideTheOpenExchange(okta: OktaSender, inspector: InspectorPage): Promise<string> {
  await okta.deliver(freshDelivery(SESSION));
  await okta.deliver(freshDelivery(BATCH));
  await expect(inspector.rows).toHaveCount(2);
  await inspector.openRow(1);
  await expect(inspector.detail).toContainText('user.session.start');
  const id = (await inspector.detail.getAttribute('data-exchange-id')) ?? '';
  await inspector.search('type:user.lifecycle.create');
  await expect(inspector.rows).toHaveCount(1);
  // Keys go to the list, not to the search field.
  await inspector.searchInput.blur();
  return id;
}

test('should say when the search hides the exchange shown, with a way back to it', async ({
  okta,
  inspector,
}) => {
  const id = await hideTheOpenExchange(okta, inspector);
  const hidden = inspector.page.getByTestId('detail-hidden');
  await expect(hidden).toContainText('The search hides this exchange');
  await expect(inspector.detail).toHaveAttribute('data-exchange-id', id);

  await hidden.getByRole('button', { name: 'Clear the search' }).click();
  await expect(inspector.rows).toHaveCount(2);
  await expect(hidden).toBeHidden();
  await expect(inspector.detail).toHaveAttribute('data-exchange-id', id);
  await expect(inspector.row(1)).toHaveAttribute('aria-selected', 'true');
});

test('should neither delete nor pin an exchange the search hides without saying so', async ({
  okta,
  inspector,
}) => {
  const { page } = inspector;
  await hideTheOpenExchange(okta, inspector);
  await expect(page.getByTestId('detail-hidden')).toBeVisible();

  await page.keyboard.press('Delete');
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('The search hides it: it is not in the list');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  await page.keyboard.press('p');
  await expect(page.getByTestId('toast')).toHaveText(
    'Pinned the exchange shown; the search hides it from the list.',
  );
  await expect(inspector.detail.getByTestId('detail-pin')).toHaveAttribute('aria-pressed', 'true');

  // Nothing was deleted, and the row listed was left alone.
  await page.getByTestId('detail-hidden').getByRole('button', { name: 'Clear the search' }).click();
  await expect(inspector.rows).toHaveCount(2);
  await expect(inspector.row(0)).toHaveAttribute('data-pinned', 'false');
  await expect(inspector.row(1)).toHaveAttribute('data-pinned', 'true');
});
