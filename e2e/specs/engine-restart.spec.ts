import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../test-support/engine/free-port';
import { expect, freshDelivery, oktaSender, SECRET, test } from '../fixtures';
import { startHeadless, type HeadlessInstance } from '../headless-process';
import { InspectorPage } from '../pages/inspector-page';

test.beforeEach(({}, testInfo) => {
  testInfo.skip(testInfo.project.name === 'electron', 'the headless API token only');
});

/** Headless engines that share a data folder and ports, so a tab can outlive one of them. */
async function restartable() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ohi-restart-'));
  const ports = ['--port', String(await freePort()), '--ui-port', String(await freePort())];
  let running: HeadlessInstance | null = null;
  return {
    start: async (extra: string[] = []) => {
      running = await startHeadless(['--secret', SECRET, ...ports, ...extra], { dataDir });
      return running;
    },
    stop: async () => {
      await running?.stop();
      running = null;
    },
    remove: async () => {
      await running?.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

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
