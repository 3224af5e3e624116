import type { Page, TestInfo } from '@playwright/test';
import { freePort } from '../../test-support/engine/free-port';
import { startReverseProxy, type ReverseProxy } from '../../test-support/engine/reverse-proxy';
import { expect, fixtureText, SECRET, test } from '../fixtures';
import { startHeadless } from '../headless-process';
import { readClipboard } from '../pages/inspector-page';

let proxy: ReverseProxy | null = null;
test.afterEach(async () => {
  await proxy?.close();
  proxy = null;
});

/** Leave a screenshot of the state for people to look at (test-results/ and the report). */
async function screenshot(page: Page, name: string, testInfo: TestInfo) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

test('should use my own tunnel: enter its URL, see the public hook URL, copy it and the secret', async ({
  inspector,
  okta,
  context,
}, testInfo) => {
  const tunnel = inspector.tunnel;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(inspector.page.url()).origin,
  });
  // Stands in for cloudflared & co: a public URL that forwards to the receiver.
  proxy = await startReverseProxy(Number(new URL(okta.receiverUrl).port));
  await tunnel.expectState('off');
  await screenshot(inspector.page, 'tunnel-off', testInfo);

  await tunnel.startManual(proxy.url);
  await tunnel.expectState('online');
  const hookUrl = `${proxy.url}/okta/event-hook`;
  await expect(tunnel.hookUrl).toHaveText(hookUrl);
  await tunnel.copyHookUrl();
  expect(await readClipboard(inspector.page)).toBe(hookUrl);

  await expect(tunnel.oktaHelper).toContainText('Authorization');
  await expect(tunnel.oktaHelper.getByTestId('okta-helper-secret')).toHaveText('Basic ••••••••');
  expect(await inspector.page.content()).not.toContain(SECRET);
  await tunnel.copySecret();
  expect(await readClipboard(inspector.page)).toBe(SECRET);
  expect(await inspector.page.content()).not.toContain(SECRET);
  await screenshot(inspector.page, 'tunnel-online-manual', testInfo);

  // What Okta would do with that URL: a delivery through the tunnel shows up.
  const delivered = await fetch(hookUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: SECRET },
    body: fixtureText('01-user-session-start.json'),
  });
  expect(delivered.status).toBe(204);
  await expect(inspector.row(0)).toContainText('user.session.start');

  await tunnel.stop();
  await tunnel.expectState('off');
  await expect(tunnel.hookUrl).toHaveCount(0);
});

test('should never present a plain-http or loopback tunnel URL as the one to paste into Okta', async ({
  inspector,
  okta,
}) => {
  const tunnel = inspector.tunnel;
  proxy = await startReverseProxy(Number(new URL(okta.receiverUrl).port));
  await tunnel.startManual(proxy.url);
  await tunnel.expectState('online');
  await expect(tunnel.hookUrl).toHaveAttribute('data-okta-callable', 'false');
  await expect(tunnel.oktaHelper).not.toContainText('Paste this URL into');
  await expect(tunnel.oktaHelper.getByTestId('okta-url-warning')).toContainText(
    'Okta calls only public https:// URLs',
  );
  await expect(tunnel.oktaHelper.getByTestId('okta-url-warning')).toContainText('127.0.0.1');
  // 24-hour, as every other time in the app.
  await expect(tunnel.root.getByTestId('tunnel-since')).toHaveText(/since \d{2}:\d{2}$/);
});

test('should wait for a URL when Manual is chosen, without an error before anything is typed', async ({
  inspector,
}) => {
  const tunnel = inspector.tunnel;
  await tunnel.start();
  await tunnel.expectState('error');
  await tunnel.chooseProvider('manual');
  await tunnel.expectState('off');
  await expect(tunnel.root.getByRole('alert')).toHaveCount(0);
  await expect(tunnel.root.getByTestId('tunnel-start')).toHaveText('Start');
  await expect(tunnel.manualUrl).toBeVisible();
});

test('should say why a tunnel is not up, and never show its URL', async ({ inspector }, testInfo) => {
  const tunnel = inspector.tunnel;
  await tunnel.start();
  await tunnel.expectState('error');
  await expect(tunnel.message).toContainText(
    'No ngrok authtoken: copy yours from https://dashboard.ngrok.com',
  );
  await expect(tunnel.root.getByTestId('tunnel-open-settings')).toBeVisible();
  await screenshot(inspector.page, 'tunnel-error-ngrok', testInfo);

  const closed = `http://127.0.0.1:${await freePort()}`;
  await tunnel.startManual(closed);
  await tunnel.expectState('error');
  await expect(tunnel.message).toHaveText(
    `${closed} does not answer (connection refused): check that your tunnel is running.`,
  );
  await expect(tunnel.hookUrl).toHaveCount(0);
  await screenshot(inspector.page, 'tunnel-error-manual', testInfo);

  await tunnel.chooseProvider('none');
  await tunnel.expectState('off');
  await expect(tunnel.root).toContainText('Local only');
  await screenshot(inspector.page, 'tunnel-local-only', testInfo);
});

test('should keep the ngrok authtoken masked in Settings', async ({ inspector }) => {
  const page = inspector.page;
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-ngrok-authtoken').fill('2fakeTOKENforE2E_abcdef');
  await page.getByTestId('settings-ngrok-domain').fill('https://me.ngrok-free.app/');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-dialog')).toHaveCount(0);
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-ngrok-authtoken')).toHaveAttribute(
    'placeholder',
    /••••••••.*saved/,
  );
  await expect(page.getByTestId('settings-ngrok-domain')).toHaveValue('me.ngrok-free.app');
  expect(await page.content()).not.toContain('2fakeTOKENforE2E_abcdef');
});

test('should print the public hook URL of a tunnel opened from the command line', async ({}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'the headless command line only');
  const port = await freePort();
  // The receiver stands in for its own tunnel: its URL is public enough for the probe.
  const engine = await startHeadless(['--port', String(port), '--public-url', `http://127.0.0.1:${port}`]);
  try {
    expect(await engine.waitForLine('Public: ')).toBe(`http://127.0.0.1:${port}/okta/event-hook`);
    expect(engine.output()).toContain('Tunnel: starting (manual)…');
  } finally {
    await engine.stop();
  }
});
