import { expect, test } from '../fixtures';
import { startHeadless } from '../headless-process';
import { InspectorPage } from '../pages/inspector-page';

test('should keep a one-run random port when a new hook path is saved, and print the new URL', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'reads the headless process output');
  const engine = await startHeadless([]);
  try {
    const inspector = new InspectorPage(page);
    await inspector.open(engine.inspectorUrl);
    const { port } = new URL(engine.receiverUrl);
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-hook-path').fill('/hooks/okta');
    await page.getByTestId('settings-save').click();
    const moved = `http://127.0.0.1:${port}/hooks/okta`;
    await expect(page.getByTestId('receiver-url')).toHaveText(moved);
    expect(await engine.waitForLine(`Receiver: ${moved}`)).toBe('');
  } finally {
    await engine.stop();
  }
});

test('should say which port a run started on any free port listens on', async ({ app, inspector }) => {
  const { page } = inspector;
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-port')).toHaveValue('0');
  await expect(page.getByTestId('settings-port-help')).toContainText(
    `this run listens on ${new URL(app.receiverUrl).port}`,
  );
});

test('should say in the forwarding help how long the inspector waits for the handler', async ({
  inspector,
}) => {
  const { page } = inspector;
  await page.getByTestId('open-settings').click();
  const help = page.getByTestId('settings-forward-help');
  await expect(help).toContainText('the inspector waits up to 30 s to record');
  await page.getByTestId('settings-forward-timeout').fill('12');
  await expect(help).toContainText('the inspector waits up to 12 s to record');
  await page.getByTestId('settings-forward-timeout').fill('');
  await expect(help).toContainText('up to the time set above (1 to 300 s)');
});
