import { expect, freshDelivery, oktaSender, test } from '../fixtures';
import { InspectorPage } from '../pages/inspector-page';
import { restartable } from '../restartable-engine';

test.beforeEach(({}, testInfo) => {
  testInfo.skip(testInfo.project.name === 'electron', 'the headless API token only');
});

test('should keep an open tab working across a restart of the same data folder', async ({ page }) => {
  const engine = await restartable();
  try {
    const first = await engine.start();
    const inspector = new InspectorPage(page);
    await inspector.open(first.inspectorUrl);
    await engine.stop();
    await expect(inspector.connection).toHaveAttribute('data-connection', 'lost');
    await expect(inspector.connection).toContainText('reconnecting');
    await expect(page.getByTestId('connection-lost')).toContainText('reconnects on its own');

    const second = await engine.start();
    expect(second.inspectorUrl).toBe(first.inspectorUrl);
    await inspector.waitUntilReady();
    await expect(page.getByTestId('connection-lost')).toBeHidden();
    await oktaSender(second.receiverUrl).deliver(freshDelivery('01-user-session-start.json'));
    await expect(inspector.row(0)).toContainText('user.session.start');
  } finally {
    await engine.remove();
  }
});

test('should say when the engine refuses the tab, and take a new Inspector link without a reload', async ({
  page,
}) => {
  const engine = await restartable();
  try {
    const first = await engine.start(['--token', 'first-token-0123456789']);
    const inspector = new InspectorPage(page);
    await inspector.open(first.inspectorUrl);
    await engine.stop();
    const second = await engine.start(['--token', 'second-token-0123456789']);

    await expect(inspector.connection).toHaveAttribute('data-connection', 'refused');
    await expect(inspector.connection).toContainText('refused');
    await expect(page.getByTestId('access-refused')).toContainText('Inspector:');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.goto(second.inspectorUrl);
    await inspector.waitUntilReady();
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    await expect(page).not.toHaveURL(/token=/);
  } finally {
    await engine.remove();
  }
});
