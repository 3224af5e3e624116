import { ndjsonExport, storedDelivery } from '../hostile-records';
import { expect, fixtureText, SECRET, test } from '../fixtures';
import { readClipboard } from '../pages/inspector-page';

const RLO = '\u202E';

test('should spell out bidirectional controls in an event type and a header instead of applying them', async ({
  okta,
  inspector,
}) => {
  const body = fixtureText('01-user-session-start.json').replace(
    '"user.session.start"',
    `"user.session${RLO}trats"`,
  );
  // Header bytes travel as Latin-1 characters; these are the UTF-8 bytes of the override.
  const note = Buffer.from(`abc${RLO}def`, 'utf8').toString('latin1');
  await fetch(okta.receiverUrl, {
    method: 'POST',
    headers: { Authorization: SECRET, 'Content-Type': 'application/json', 'X-Note': note },
    body,
  });
  await expect(inspector.row(0)).toContainText('user.session⟨U+202E⟩trats');
  await inspector.openRow(0);
  await expect(inspector.eventTypes()).toHaveText(['user.session⟨U+202E⟩trats']);
  await inspector.showTab('headers');
  await expect(inspector.detail.getByTestId('request-headers')).toContainText('abc⟨U+202E⟩def');
  await inspector.showTab('raw');
  await expect(inspector.detail.getByTestId('raw-request')).toContainText('user.session⟨U+202E⟩trats');
  expect(await inspector.page.locator('body').innerText()).not.toContain(RLO);
});

test('should quote a crafted method in Copy as cURL, and skip one that is not an HTTP token at import', async ({
  inspector,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Backquotes are HTTP token characters: a method Node never receives, but a file can carry.
  const substituting = { ...storedDelivery(1), request: { ...storedDelivery(1).request, method: 'X`id`' } };
  const shellCode = { ...storedDelivery(2), request: { ...storedDelivery(2).request, method: 'POST;id' } };
  await inspector.importFile({
    name: 'crafted.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(ndjsonExport([substituting, shellCode])),
  });
  await expect(inspector.page.getByTestId('job-text')).toContainText(
    'Imported 1 exchange from crafted.ndjson. 1 skipped (line 3: request.method: not an HTTP method).',
  );
  await expect(inspector.rows).toHaveCount(1);
  await expect(inspector.page.getByTestId('list-count').locator('span').first()).toHaveText('1 exchange');
  await inspector.openRow(0);
  await inspector.detail.getByTestId('copy-curl').click();
  expect(await readClipboard(inspector.page)).toMatch(
    /^curl -i -X 'X`id`' 'http:\/\/127\.0\.0\.1:\d+\/okta\/event-hook'/,
  );
});

test.describe('a record the UI cannot draw', () => {
  const broken = storedDelivery(1);
  const event = broken.okta.events[0] as unknown as Record<string, unknown>;
  event.client = null;
  event.targets = null;
  test.use({ history: { exchanges: [broken, storedDelivery(2, '02-batch-mixed-3-events.json')] } });

  test('should show an error in its pane and keep the rest of the app working', async ({ inspector }) => {
    await expect(inspector.rows).toHaveCount(2);
    // Reported in the console as well, with its stack, for whoever looks into it.
    const reported = inspector.page.waitForEvent('console', {
      predicate: (message) => message.type() === 'error' && /TypeError/.test(message.text()),
      timeout: 10_000,
    });
    await inspector.openRow(1);
    await expect(inspector.detail.getByTestId('pane-error')).toContainText('This tab could not be shown.');
    await reported;
    await expect(inspector.detail.getByTestId('notes')).toBeVisible();
    await inspector.showTab('raw');
    await expect(inspector.detail.getByTestId('raw-request')).toContainText('POST /okta/event-hook');
    await expect(inspector.detail.getByTestId('pane-error')).toHaveCount(0);
    await inspector.openRow(0);
    await inspector.showTab('events');
    await expect(inspector.eventTypes()).toHaveCount(3);
    await expect(inspector.page.getByTestId('pane-error')).toHaveCount(0);
  });
});
