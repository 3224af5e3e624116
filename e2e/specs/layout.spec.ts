import { randomUUID } from 'node:crypto';
import type { Page, TestInfo } from '@playwright/test';
import type { OktaEmulator } from '../../test-support/engine/okta-emulator/okta-emulator';
import { expect, fixtureText, freshDelivery, oktaTest as test, type OrgClock } from '../fixtures';
import { InspectorPage } from '../pages/inspector-page';
import { olderHarFile, quirkyBatchHarFile } from '../older-har';
import {
  cutEventWords,
  cutListCells,
  layoutProblems,
  silentAuthFailures,
  slimTypes,
  unmarkedOrigins,
  unreadableTypes,
} from '../pages/layout-probe';
import type { OktaPanelPage } from '../pages/okta-panel-page';
import { restartable } from '../restartable-engine';

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

const TABS = ['events', 'payload', 'raw', 'headers', 'response', 'timing'] as const;

/** A body Okta would never send: every envelope check has something to say about it. */
const FOREIGN = JSON.stringify({ hello: 'not okta', id: '0', note: 'x'.repeat(400) });

/** A delivery whose fields are long unbroken strings, as a hostile or broken sender may send. */
const LONG = freshDelivery('01-user-session-start.json')
  .replace('"User login to Okta"', `"${'Login'.repeat(80)}"`)
  .replace('"maria.lopez@example.com"', `"${'maria'.repeat(60)}@example.com"`)
  .replace('"user.session.start"', `"user.session.${'start'.repeat(40)}"`);

/** Check the screen as it is now, and keep a screenshot of it for people to look at. */
async function check(page: Page, testInfo: TestInfo, name: string, scope?: string) {
  const size = page.viewportSize();
  const label = `${name} at ${size?.width}×${size?.height}`;
  // A dialog is fetched the first time it opens: check it once it is there.
  if (scope) await expect(page.locator(scope).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath(`${name}-${size?.width}x${size?.height}.png`) });
  // Soft: one run reports every screen that has a problem.
  expect.soft(await layoutProblems(page, scope), label).toEqual([]);
}

/**
 * The list's columns a user reads at this size, with no text cut: when, what and what Okta does
 * next always, and how long the answer took (against Okta's 3 s); Method and Auth from 1280 px
 * (a delivery is a POST, a verification a GET). A row that failed the secret check says so at
 * every size: beside its events when the Auth column is hidden.
 */
async function listColumns(inspector: InspectorPage) {
  const size = inspector.page.viewportSize();
  const wide = (size?.width ?? 0) >= 1280;
  const header = inspector.page.locator('.list__header');
  const names = [
    'Time',
    'Status',
    'Okta events',
    'Okta next',
    'Duration',
    ...(wide ? ['Method', 'Auth'] : []),
  ];
  for (const name of names) {
    await expect.soft(header.getByText(name, { exact: true }), `the ${name} column`).toBeVisible();
  }
  expect.soft(await cutListCells(inspector.page), 'list cells cut short').toEqual([]);
  expect.soft(await unreadableTypes(inspector.page), 'event types beside a badge').toEqual([]);
  expect.soft(await slimTypes(inspector.page), 'event types cut to a sliver').toEqual([]);
  expect.soft(await cutEventWords(inspector.page), 'words in place of event types').toEqual([]);
  expect.soft(await silentAuthFailures(inspector.page), 'rows not saying their auth failed').toEqual([]);
  expect.soft(await unmarkedOrigins(inspector.page), 'rows not saying the inspector made them').toEqual([]);
}

/** A verification, a batch, a foreign body and one with long strings; the batch's tabs one by one. */
async function details(inspector: InspectorPage, testInfo: TestInfo) {
  const { page } = inspector;
  // The list's key column: room for "user.lifecycle.create +2", whatever the window.
  const events = await inspector.row(2).locator('.cell--events').boundingBox();
  expect.soft(events?.width, 'the events column').toBeGreaterThan(150);
  for (const tab of TABS) {
    await inspector.openRow(2);
    await inspector.showTab(tab);
    await expect(inspector.detail.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await check(page, testInfo, `delivery-${tab}`);
  }
  await inspector.openRow(1);
  await inspector.showTab('payload');
  await check(page, testInfo, 'foreign-payload');
  await inspector.openRow(0);
  await inspector.showTab('events');
  await check(page, testInfo, 'long-strings');
}

/** The panel before and after connecting an org, with a hook pointed here and its deliveries. */
async function oktaScreens(
  oktaPanel: OktaPanelPage,
  oktaOrg: OktaEmulator,
  clock: OrgClock,
  publicBase: string,
  testInfo: TestInfo,
) {
  const { page } = oktaPanel;
  await oktaPanel.open();
  await check(page, testInfo, 'okta-connect', '[data-testid="okta-panel"]');
  await oktaPanel.connect('dev-000000.okta.com', oktaOrg.token);
  await expect(oktaPanel.panel.getByTestId('okta-connection')).toHaveAttribute('data-status', 'connected');
  await oktaPanel.setPublicBase(publicBase);
  await oktaPanel.createHook(['user.account.lock']);
  await expect(oktaPanel.run).toHaveAttribute('data-outcome', 'ok');
  await check(page, testInfo, 'okta-hooks', '[data-testid="okta-panel"]');
  // One delivery that arrived, one Okta never sent (an older event, so it counts as missing).
  oktaOrg.org.emit('user.account.lock');
  await oktaOrg.org.deliverPending();
  clock.lagMs = 10 * 60_000;
  oktaOrg.org.emit('user.account.lock', { withhold: true });
  clock.lagMs = 0;
  await oktaPanel.showDeliveries();
  await oktaPanel.checkOktaNow();
  await expect(oktaPanel.deliveries).toHaveCount(2);
  await check(page, testInfo, 'okta-deliveries', '[data-testid="okta-panel"]');
  await oktaPanel.close();
  // Okta's own record of a delivery, in its detail.
  await expect(oktaPanel.page.getByTestId('exchange-row').first()).toContainText('user.account.lock');
  await oktaPanel.page.getByTestId('exchange-row').first().click();
  await expect(oktaPanel.page.getByTestId('okta-record-event')).not.toHaveCount(0);
  await check(page, testInfo, 'okta-record');
}

async function dialogs(inspector: InspectorPage, testInfo: TestInfo) {
  const { page } = inspector;
  await page.getByTestId('open-settings').click();
  await check(page, testInfo, 'settings', '[data-testid="settings-dialog"]');
  await page.keyboard.press('Escape');

  await inspector.openRow(2);
  await inspector.detail.getByTestId('open-replay').click();
  await check(page, testInfo, 'replay', '[data-testid="replay-dialog"]');
  await page.getByTestId('replay-edit').click();
  await check(page, testInfo, 'replay-edit', '[data-testid="replay-dialog"]');
  await page.keyboard.press('Escape');

  await inspector.detail.getByTestId('start-compare').click();
  await inspector.row(1).click();
  await expect(page.getByTestId('diff-request-body')).toBeVisible();
  await check(page, testInfo, 'compare', '[data-testid="compare-view"]');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('compare-view')).toBeHidden();
}

for (const size of SIZES) {
  test(`should fit, with nothing covered or cut off, at ${size.width}×${size.height}`, async ({
    okta,
    oktaOrg,
    orgClock,
    oktaPanel,
    publicBase,
    inspector,
  }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = inspector;
    await page.setViewportSize(size);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await check(page, testInfo, 'empty');

    // A row from another day (its time cell also holds the date), and one with the widest
    // badges: a wrong secret. The imports' results stay under the panes until closed.
    // A redelivery: the widest badge beside an event type. An imported batch with a warning:
    // the most badges beside one.
    await inspector.importFile(olderHarFile());
    await inspector.importFile(quirkyBatchHarFile());
    await okta.deliver(fixtureText('01-user-session-start.json'), 'Basic wrong');
    const twice = freshDelivery('01-user-session-start.json');
    await okta.deliver(twice);
    await okta.deliver(twice);
    await okta.verify('layout');
    await okta.deliver(fixtureText('02-batch-mixed-3-events.json'));
    await okta.deliver(FOREIGN);
    await okta.deliver(LONG);
    await expect(inspector.rows).toHaveCount(9);
    await details(inspector, testInfo);
    await listColumns(inspector);
    await dialogs(inspector, testInfo);
    await oktaScreens(oktaPanel, oktaOrg, orgClock, publicBase, testInfo);
  });
}

/** The screens a newcomer met: small, and the 1280 px window with a delivery's detail beside. */
const TYPE_SCREENS = [
  { width: 1024, height: 640, detail: false },
  { width: 1024, height: 640, detail: true },
  { width: 1280, height: 720, detail: true },
  { width: 1440, height: 900, detail: true },
] as const;

test('should show each event type as its start, cut with an ellipsis, and its action beside its badges', async ({
  okta,
  inspector,
}, testInfo) => {
  const { page } = inspector;
  const batch = fixtureText('02-batch-mixed-3-events.json');
  const session = fixtureText('01-user-session-start.json');
  const eventId = /"eventId":\s*"[^"]+"/;
  const again = (body: string) => body.replace(eventId, `"eventId": "${randomUUID()}"`);
  // The same events in new deliveries: dup, and out of order behind the batch's later ones.
  await okta.deliver(batch);
  await okta.deliver(session);
  await okta.deliver(again(batch));
  await okta.deliver(again(session));
  await okta.deliver(session);
  await expect(inspector.rows).toHaveCount(5);
  await expect(inspector.row(2).getByTestId('flag-dup')).toHaveCount(1);
  await expect(inspector.row(2).getByTestId('flag-order')).toHaveCount(1);
  for (const screen of TYPE_SCREENS) {
    await page.setViewportSize(screen);
    if (screen.detail) await inspector.openRow(2);
    else if (await inspector.detail.isVisible()) {
      await page.keyboard.press('Escape');
      await expect(inspector.detail).toBeHidden();
    }
    const label = `${screen.width}×${screen.height}${screen.detail ? ' with the detail' : ''}`;
    await page.screenshot({ path: testInfo.outputPath(`types-${label.replace(/\W+/g, '-')}.png`) });
    expect.soft(await slimTypes(page), `event types at ${label}`).toEqual([]);
    expect.soft(await unreadableTypes(page), `event types beside a badge at ${label}`).toEqual([]);
  }
});

test('should leave room for the tab content when a body draws many warnings', async ({ okta, inspector }) => {
  const { page } = inspector;
  await page.setViewportSize({ width: 1280, height: 720 });
  await okta.deliver(FOREIGN);
  await inspector.openRow(0);
  const problems = inspector.detail.getByTestId('problems');
  await expect(problems).toContainText('7 ways this is not what Okta sends.');
  const panel = inspector.detail.getByRole('tabpanel');
  const [panelBox, detailBox] = [await panel.boundingBox(), await inspector.detail.boundingBox()];
  expect((panelBox?.height ?? 0) / (detailBox?.height ?? 1)).toBeGreaterThan(0.5);
  await problems.getByTestId('problems-toggle').click();
  await expect(inspector.detail.getByTestId('problem')).toHaveCount(7);
});

test("should show the detail's Copy menu whole, over the tabs below the header", async ({ inspector }) => {
  const { page } = inspector;
  await page.setViewportSize({ width: 1024, height: 640 });
  await inspector.importFile(olderHarFile());
  await inspector.openRow(0);
  await inspector.detail.getByTestId('copy-menu').click();
  const items = page.getByTestId('copy-menu-panel').getByRole('button');
  await expect(items.first()).toBeVisible();
  for (const item of await items.all()) {
    const box = await item.boundingBox();
    if (!box) throw new Error('a Copy item is not drawn');
    const hit = await page.evaluate(
      ({ x, y, label }) => document.elementFromPoint(x, y)?.closest('button')?.textContent === label,
      { x: box.x + box.width / 2, y: box.y + box.height - 3, label: await item.textContent() },
    );
    expect(hit).toBe(true);
  }
});

test('should keep the payload in view under two banners at 1024×640', async ({ page }, testInfo) => {
  testInfo.skip(testInfo.project.name === 'electron', 'it stops a headless engine under the tab');
  const engine = await restartable();
  try {
    await page.setViewportSize({ width: 1024, height: 640 });
    const inspector = new InspectorPage(page);
    await inspector.open((await engine.start()).inspectorUrl);
    // An import's result under the panes, and a detail with three notes of its own.
    await inspector.importFile(quirkyBatchHarFile());
    await inspector.openRow(0);
    await inspector.showTab('payload');
    const payload = inspector.detail.getByTestId('payload');
    await expect(payload).toContainText('eventTypeVersion');
    // And the engine gone: its banner above everything.
    await engine.stop();
    await expect(page.getByTestId('connection-lost')).toBeVisible();
    await check(page, testInfo, 'two-banners');
    for (const line of ['eventType:', 'eventTypeVersion:', 'cloudEventsVersion:']) {
      await expect(payload.getByText(line, { exact: true }), line).toBeInViewport({ ratio: 1 });
    }
  } finally {
    await engine.remove();
  }
});
