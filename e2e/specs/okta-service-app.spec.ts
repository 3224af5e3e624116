import { generateKeyPairSync } from 'node:crypto';
import { expect, oktaTest as test } from '../fixtures';

const DOMAIN = 'dev-000000.okta.com';

test('should connect as a service app with a key pair made here, asking only for the scopes its features need', async ({
  oktaPanel,
  oktaOrg,
  publicBase,
  inspector,
}, testInfo) => {
  await oktaPanel.open();
  await expect(oktaPanel.panel.getByTestId('okta-connect')).toHaveAttribute('data-mode', 'service-app');
  const jwk = await oktaPanel.generateKey();
  expect(jwk).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: expect.any(String) });
  expect(Object.keys(jwk)).not.toContain('d');
  const requested = oktaPanel.panel.getByTestId('okta-scopes-requested');
  await expect(requested).toContainText('okta.eventHooks.manage okta.logs.read and nothing else');
  await oktaPanel.panel.getByTestId('okta-feature-manage-hooks').uncheck();
  await expect(requested).toContainText('okta.eventHooks.read okta.logs.read and nothing else');
  await oktaPanel.panel.getByTestId('okta-feature-manage-hooks').check();
  await inspector.page.screenshot({ path: testInfo.outputPath('okta-service-app-key.png') });

  // What the admin does in the Admin Console with the JWK the app showed.
  const app = oktaOrg.addApp({ keys: [jwk], grants: ['okta.eventHooks.manage', 'okta.logs.read'] });
  await oktaPanel.connectServiceApp(DOMAIN, app.clientId);
  await expect(oktaPanel.panel.getByTestId('okta-connection')).toHaveAttribute('data-status', 'connected');
  const auth = oktaPanel.panel.getByTestId('okta-auth');
  await expect(auth).toHaveAttribute('data-kind', 'service-app');
  await expect(auth).toContainText(app.clientId);
  await expect(auth.getByTestId('okta-scope')).toHaveText(['okta.eventHooks.manage', 'okta.logs.read']);
  await inspector.page.screenshot({ path: testInfo.outputPath('okta-service-app-connected.png') });

  await oktaPanel.setPublicBase(publicBase);
  await oktaPanel.createHook(['user.account.lock']);
  await expect(oktaPanel.run).toHaveAttribute('data-outcome', 'ok');
  await expect(oktaPanel.step('verify')).toContainText('VERIFIED');
});

test('should bind the tokens with DPoP where the app requires it', async ({ oktaPanel, oktaOrg }) => {
  await oktaPanel.open();
  const jwk = await oktaPanel.generateKey();
  const app = oktaOrg.addApp({ keys: [jwk], requireDpop: true });
  await oktaPanel.connectServiceApp(DOMAIN, app.clientId);
  await expect(oktaPanel.panel.getByTestId('okta-auth')).toContainText('DPoP');
  const calls = oktaOrg.requests.filter((r) => r.url.startsWith('/api/v1/'));
  expect(
    calls.every((r) =>
      r.headers.some(([name, value]) => name === 'Authorization' && value.startsWith('DPoP ')),
    ),
  ).toBe(true);
});

test('should tell a read-only app it needs okta.eventHooks.manage, and connect it without that feature', async ({
  oktaPanel,
  oktaOrg,
  inspector,
}, testInfo) => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const app = oktaOrg.addApp({
    keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'read-only-key' }],
    grants: ['okta.eventHooks.read', 'okta.logs.read'],
  });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await oktaPanel.open();
  await oktaPanel.connectServiceApp(DOMAIN, app.clientId, { privateKey: pem });
  const error = oktaPanel.panel.getByTestId('okta-connect-error');
  await expect(error).toContainText(
    'This needs okta.eventHooks.manage, which the service app has not been granted',
  );
  await inspector.page.screenshot({ path: testInfo.outputPath('okta-service-app-scope-missing.png') });
  await oktaPanel.panel.getByTestId('okta-feature-manage-hooks').uncheck();
  await oktaPanel.panel.getByTestId('okta-connect-submit').click();
  await expect(oktaPanel.panel.getByTestId('okta-connection')).toHaveAttribute('data-status', 'connected');
  await expect(oktaPanel.panel.getByTestId('okta-scope')).toHaveText([
    'okta.eventHooks.read',
    'okta.logs.read',
  ]);
});
