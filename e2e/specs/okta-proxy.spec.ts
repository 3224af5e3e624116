import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startConnectProxy, type ConnectProxy } from '../../test-support/engine/connect-proxy';
import { startOktaEmulator, type OktaEmulator } from '../../test-support/engine/okta-emulator/okta-emulator';
import { makeTestCertificate, type TestCertificate } from '../../test-support/engine/tls-cert';
import { expect, test as base } from '../fixtures';
import { OktaPanelPage } from '../pages/okta-panel-page';

interface ProxiedOrg {
  /** A corporate CA: it signs the org's certificate, and only NODE_EXTRA_CA_CERTS makes it trusted. */
  corporateCa: TestCertificate;
  /** The org on https, reached only through the proxy under its real domain name. */
  oktaOrg: OktaEmulator;
  corporateProxy: ConnectProxy;
  oktaPanel: OktaPanelPage;
}

/** Headless mode with no emulator override: HTTPS_PROXY and NODE_EXTRA_CA_CERTS, as on a corporate network. */
const test = base.extend<ProxiedOrg>({
  corporateCa: async ({}, use) => use(makeTestCertificate(['dev-000000.okta.com'])),
  oktaOrg: async ({ corporateCa }, use) => {
    const emulator = await startOktaEmulator({ tls: corporateCa });
    await use(emulator);
    await emulator.close();
  },
  corporateProxy: async ({ oktaOrg }, use) => {
    const proxy = await startConnectProxy(oktaOrg.port);
    await use(proxy);
    await proxy.close();
  },
  engineEnv: async ({ corporateCa, corporateProxy: proxy }, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ohi-ca-'));
    const caFile = path.join(dir, 'corporate-ca.pem');
    await writeFile(caFile, corporateCa.cert);
    await use({ HTTPS_PROXY: proxy.url, NO_PROXY: '', NODE_EXTRA_CA_CERTS: caFile });
    await rm(dir, { recursive: true, force: true });
  },
  oktaPanel: async ({ inspector }, use) => use(new OktaPanelPage(inspector.page)),
});

test('should reach the org through HTTPS_PROXY and trust NODE_EXTRA_CA_CERTS in headless mode', async ({
  oktaPanel,
  oktaOrg,
  corporateProxy: proxy,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'electron',
    'The desktop app sends Okta calls through Electron net.fetch, which follows the system proxy.',
  );
  await oktaPanel.open();
  const jwk = await oktaPanel.generateKey();
  const app = oktaOrg.addApp({ keys: [jwk] });
  await oktaPanel.connectServiceApp('dev-000000.okta.com', app.clientId);
  await expect(oktaPanel.panel.getByTestId('okta-connection')).toHaveAttribute('data-status', 'connected');
  await expect(oktaPanel.panel.getByTestId('okta-override')).toHaveCount(0);
  expect(new Set(proxy.tunnels)).toEqual(new Set(['dev-000000.okta.com:443']));
  expect(oktaOrg.requests.map((r) => r.url)).toContain('/oauth2/v1/token');
});
