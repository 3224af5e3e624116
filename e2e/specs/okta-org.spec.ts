import type { OktaEmulator } from '../../test-support/engine/okta-emulator/okta-emulator';
import { expect, oktaTest as test } from '../fixtures';
import type { OktaPanelPage } from '../pages/okta-panel-page';

const DOMAIN = 'dev-000000.okta.com';

/** Connect to the emulated org and make the https stand-in for the tunnel the public URL. */
async function connected(oktaPanel: OktaPanelPage, oktaOrg: OktaEmulator, publicBase: string) {
  await oktaPanel.open();
  await oktaPanel.connect(DOMAIN, oktaOrg.token);
  await expect(oktaPanel.panel.getByTestId('okta-connection')).toHaveAttribute('data-status', 'connected');
  await oktaPanel.setPublicBase(publicBase);
}

test('should go from "connect org" to an ACTIVE, VERIFIED hook pointing here in one action', async ({
  oktaPanel,
  oktaOrg,
  publicBase,
  inspector,
}, testInfo) => {
  oktaOrg.org.addHook({
    name: 'Staging sink',
    uri: 'https://staging.example.com/okta',
    eventTypes: ['user.lifecycle.create'],
  });
  await oktaPanel.open();
  await expect(oktaPanel.panel.getByTestId('okta-connect')).toBeVisible();
  await inspector.page.screenshot({ path: testInfo.outputPath('okta-not-connected.png') });

  await oktaPanel.connect(DOMAIN, '00thisTokenWasRevokedLongAgo');
  await expect(oktaPanel.panel.getByTestId('okta-connect-error')).toContainText('E0000011');
  await expect(oktaPanel.panel.getByTestId('okta-connect-error')).toContainText(
    'lapse after 30 days without use',
  );

  await oktaPanel.connect(DOMAIN, oktaOrg.token);
  await expect(oktaPanel.panel.getByTestId('okta-token-expiry')).toContainText('expires');
  await expect(oktaPanel.hook('Staging sink')).toContainText('UNVERIFIED');
  await oktaPanel.setPublicBase(publicBase);
  const hookUrl = `${publicBase}/okta/event-hook`;
  await expect(oktaPanel.panel.getByTestId('okta-public-url')).toHaveText(hookUrl);
  await inspector.page.screenshot({ path: testInfo.outputPath('okta-connected-hooks.png') });

  await oktaPanel.createHook(['group.user_membership.add'], () =>
    inspector.page.screenshot({ path: testInfo.outputPath('okta-point-form.png') }).then(() => undefined),
  );
  await expect(oktaPanel.run).toHaveAttribute('data-outcome', 'ok');
  await expect(oktaPanel.step('create')).toHaveAttribute('data-state', 'ok');
  await expect(oktaPanel.step('verify')).toContainText("VERIFIED: the receiver answered Okta's challenge");
  await expect(oktaPanel.step('activate')).toHaveAttribute('data-state', 'skipped');
  const created = oktaPanel.hook('Okta Hook Inspector');
  await expect(created).toContainText('ACTIVE');
  await expect(created.getByTestId('okta-hook-verification')).toHaveText('VERIFIED');
  await expect(created).toContainText('here');
  await inspector.page.screenshot({ path: testInfo.outputPath('okta-point-run.png') });

  const [hook] = [...oktaOrg.org.hooks.values()].filter((h) => h.name === 'Okta Hook Inspector');
  expect(hook).toMatchObject({ status: 'ACTIVE', verificationStatus: 'VERIFIED', uri: hookUrl });

  await oktaPanel.step('verify').getByTestId('okta-run-challenge').click();
  await expect(inspector.detail).toHaveAttribute('data-exchange-id', /.+/);
  await expect(inspector.row(0)).toHaveAttribute('data-kind', 'verification');
});

test("should show Okta's account of each delivery beside what arrived, and resend what never did", async ({
  oktaPanel,
  oktaOrg,
  orgClock,
  publicBase,
  inspector,
}, testInfo) => {
  await connected(oktaPanel, oktaOrg, publicBase);
  await oktaPanel.createHook(['user.account.lock', 'group.user_membership.add']);
  await expect(oktaPanel.run).toHaveAttribute('data-outcome', 'ok');
  await oktaPanel.close();

  const received = oktaOrg.org.emit('user.session.start');
  await oktaOrg.org.deliverPending();
  await inspector.choosePreset('server-error');
  const failed = oktaOrg.org.emit('user.account.lock');
  await oktaOrg.org.deliverPending();
  await inspector.choosePreset('accept');
  orgClock.lagMs = 10 * 60_000;
  const lost = oktaOrg.org.emit('group.user_membership.add', { withhold: true });
  orgClock.lagMs = 0;
  await expect(inspector.rows).toHaveCount(4);

  await oktaPanel.open();
  await oktaPanel.showDeliveries();
  await oktaPanel.checkOktaNow();
  await expect(oktaPanel.delivery(received.uuid)).toHaveAttribute('data-status', 'received');
  await expect(oktaPanel.delivery(failed.uuid)).toHaveAttribute('data-status', 'failed');
  await expect(oktaPanel.delivery(failed.uuid)).toContainText('Received HTTP 500 from the endpoint');
  await expect(oktaPanel.delivery(lost.uuid)).toHaveAttribute('data-status', 'missing');
  await expect(oktaPanel.panel.getByTestId('okta-delivery-counts')).toContainText('1 never arrived');
  await inspector.page.screenshot({ path: testInfo.outputPath('okta-deliveries.png') });
  // The theme is left at "system": it follows the system's choice as it changes.
  await inspector.page.emulateMedia({ colorScheme: 'dark' });
  await expect(inspector.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await inspector.page.screenshot({ path: testInfo.outputPath('okta-deliveries-dark.png') });
  await inspector.page.emulateMedia({ colorScheme: 'light' });
  await expect(inspector.page.locator('html')).toHaveAttribute('data-theme', 'light');

  await oktaPanel.resendThroughReceiver([lost.uuid]);
  await expect(inspector.rows).toHaveCount(5);
  await expect(inspector.row(0).getByTestId('flag-origin')).toHaveText('rebuilt');
  await expect(inspector.eventTypes()).toHaveText(['group.user_membership.add']);
  const record = inspector.detail.getByTestId('okta-record-event');
  await expect(record).toHaveAttribute('data-status', 'missing');
  await expect(record).toContainText('Resent here from the System Log record.');

  await inspector.row(2).click();
  await expect(inspector.detail.getByTestId('okta-record-event')).toHaveAttribute('data-status', 'failed');
  await inspector.page.screenshot({ path: testInfo.outputPath('okta-record-detail.png') });

  // A failure record that names no hook cannot be tied to an event: the panel says so.
  oktaOrg.org.log.append(
    {
      eventType: 'event_hook.delivery',
      outcome: { result: 'FAILURE', reason: 'Connection failed (ECONNRESET)' },
      target: [],
      debugContext: { debugData: {} },
    },
    Date.now(),
  );
  await oktaPanel.open();
  await oktaPanel.showDeliveries();
  await oktaPanel.checkOktaNow();
  await expect(oktaPanel.panel.getByTestId('okta-untied-failure')).toContainText(
    'The record names no event hook, so it cannot be tied to an event.',
  );
});

test('should leave the retarget box as the engine has it when the engine refuses the change', async ({
  oktaPanel,
  oktaOrg,
  publicBase,
}) => {
  await connected(oktaPanel, oktaOrg, publicBase);
  const box = oktaPanel.panel.getByTestId('okta-auto-retarget');
  const before = await box.isChecked();
  await oktaPanel.page.route('**/api/okta.configure', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'unavailable', message: 'The engine is busy.' } } }),
  );
  await box.click();
  await oktaPanel.page.waitForTimeout(500);
  expect(await box.isChecked()).toBe(before);
  await oktaPanel.page.unroute('**/api/okta.configure');
  await box.click();
  await expect(box).toBeChecked({ checked: !before });
});
