import { expect, oktaTest as test } from '../fixtures';
import { FiltersPage } from '../pages/filters-page';

const DOMAIN = 'dev-000000.okta.com';
const MEMBERSHIP = 'group.user_membership.add';
/** Okta's documented example (https://developer.okta.com/docs/guides/event-hook-filtering/). */
const SALES =
  "event.target.?[type eq 'UserGroup'].size()>0 && event.target.?[displayName eq 'Sales'].size()>0";
const group = (displayName: string) => ({
  id: `00g${displayName}0000000000`.slice(0, 20),
  type: 'UserGroup',
  alternateId: 'unknown',
  displayName,
});

test('should write a filter, see what it lets through of the captured deliveries, and set it on a hook', async ({
  oktaPanel,
  oktaOrg,
  publicBase,
  inspector,
}, testInfo) => {
  const { org } = oktaOrg;
  await oktaPanel.open();
  await oktaPanel.connect(DOMAIN, oktaOrg.token);
  await expect(oktaPanel.panel.getByTestId('okta-connection')).toHaveAttribute('data-status', 'connected');
  await oktaPanel.setPublicBase(publicBase);
  await oktaPanel.createHook([MEMBERSHIP]);
  await expect(oktaPanel.run).toHaveAttribute('data-outcome', 'ok');
  await oktaPanel.close();
  for (const name of ['Sales', 'Marketing', 'Sales']) {
    org.emit(MEMBERSHIP, { targets: [group(name)] });
    await org.deliverPending();
  }
  // The verification, then three deliveries.
  await expect(inspector.rows).toHaveCount(4);

  const filters = new FiltersPage(inspector.page);
  await filters.open();
  await filters.write('sales', MEMBERSHIP, 'event.target.?[');
  await expect(filters.check).toHaveAttribute('data-state', 'error');
  await filters.expression.fill("event.target.![displayName].contains('Sales')");
  await expect(filters.check).toHaveAttribute('data-state', 'unsupported');
  await expect(filters.check).toContainText('Cannot be checked locally');
  await expect(filters.summary).toHaveAttribute('data-pass', '0');
  await expect(filters.events.first()).toHaveAttribute('data-verdict', 'unknown');

  // Completion offers the group names the captured events have.
  await filters.expression.fill("event.target.?[displayName eq '");
  await filters.completion('Marketing').click();
  await expect(filters.expression).toHaveValue("event.target.?[displayName eq 'Marketing'");

  await filters.expression.fill(SALES);
  await expect(filters.check).toHaveAttribute('data-state', 'ok');
  await expect(filters.summary).toHaveAttribute('data-pass', '2');
  await expect(filters.summary).toHaveText(
    `Would have let through 2 of the 3 ${MEMBERSHIP} events you received.`,
  );
  await expect(filters.events.and(inspector.page.locator('[data-verdict="drop"]'))).toContainText(
    "displayName eq 'Sales'",
  );
  await inspector.page.screenshot({ path: testInfo.outputPath('filter-editor.png') });

  await filters.dialog.getByTestId('filter-save').click();
  await expect(filters.item('sales')).toHaveAttribute('data-run', 'ready');
  await expect(filters.item('sales')).toContainText('2 of 3 events pass in 2 deliveries');
  await filters.dialog.getByTestId('filter-show').click();
  await expect(filters.dialog).toBeHidden();
  await expect(inspector.chip('filter')).toBeVisible();
  await expect(inspector.rows).toHaveCount(2);

  // Live: of two more deliveries, only the one the filter lets through joins the list.
  org.emit(MEMBERSHIP, { targets: [group('Marketing')] });
  await org.deliverPending();
  org.emit(MEMBERSHIP, { targets: [group('Sales')] });
  await org.deliverPending();
  await expect(inspector.rows).toHaveCount(3);

  await filters.open();
  await filters.item('sales').getByRole('button').click();
  await filters.dialog.getByTestId('filter-hook-set').click();
  await expect(filters.dialog.getByTestId('okta-run')).toHaveAttribute('data-outcome', 'ok');
  const hook = [...org.hooks.values()].find((h) => h.name === 'Okta Hook Inspector');
  expect(hook?.filter).toEqual([{ event: MEMBERSHIP, expression: SALES }]);
  await inspector.page.keyboard.press('Escape');
  await expect(filters.dialog).toBeHidden();

  // Okta's account beside the hook's filter: the emulator sends what a real org would drop.
  const sent = org.emit(MEMBERSHIP, { targets: [group('Marketing')] });
  await org.deliverPending();
  await oktaPanel.open();
  await expect(oktaPanel.hook('Okta Hook Inspector').getByTestId('okta-hook-filter')).toHaveText(
    'filter on 1',
  );
  await oktaPanel.showDeliveries();
  await oktaPanel.checkOktaNow();
  await expect(oktaPanel.delivery(sent.uuid).getByTestId('okta-delivery-filter')).toHaveAttribute(
    'data-mismatch',
    'sent-though-dropped',
  );
  await inspector.page.screenshot({ path: testInfo.outputPath('filter-deliveries.png') });
});

test('should complete the word at the caret when only the caret moved there', async ({ inspector }) => {
  const filters = new FiltersPage(inspector.page);
  await filters.open();
  await filters.write('moved', 'user.session.start', 'event.outc && x');
  await expect(filters.expression).toHaveJSProperty('spellcheck', false);
  await expect(filters.completion('outcome')).toHaveCount(0);
  // Back into `outc`: its completion is offered, and Tab takes it there.
  for (let i = 0; i < 5; i += 1) await filters.expression.press('ArrowLeft');
  await expect(filters.completion('outcome')).toBeVisible();
  await filters.expression.press('Tab');
  await expect(filters.expression).toHaveValue('event.outcome. && x');
});
