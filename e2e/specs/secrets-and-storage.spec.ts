import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mountSmallDisk } from '../../test-support/engine/tmpfs';
import { expect, fixtureText, oktaSender, SECRET, test } from '../fixtures';
import { startHeadless, type HeadlessInstance } from '../headless-process';
import { InspectorPage } from '../pages/inspector-page';

const NEEDLES = [SECRET, SECRET.slice('Basic '.length)];
const DELIVERY = fixtureText('02-batch-mixed-3-events.json');

test('should never show or keep the hook secret: page, browser storage, process output, data files', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'reads the headless process output and data folder');
  const engine = await startHeadless(['--secret', SECRET]);
  try {
    await checkSecretNeverKept(engine, new InspectorPage(page));
  } finally {
    await engine.stop();
  }
});

test('should name in Settings the secrets to enter again, and how saved ones are kept', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'plants a desktop secrets file in a headless data folder');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ohi-e2e-secrets-'));
  await writeFile(path.join(dataDir, 'secrets.enc.json'), JSON.stringify({ ngrokAuthtoken: 'djEwAAAA' }));
  const engine = await startHeadless([], { dataDir });
  try {
    const inspector = new InspectorPage(page);
    await inspector.open(engine.inspectorUrl);
    await expect(page.getByTestId('storage-notices')).toContainText(
      'The saved ngrok authtoken could not be read',
    );
    await page.getByTestId('open-settings').click();
    const saved = page.getByTestId('secret-storage');
    await expect(saved.getByTestId('secret-protection')).toHaveText(
      /kept in secrets\.json.*only your user can read/,
    );
    await expect(saved.getByTestId('secret-unreadable')).toHaveText(
      /^The ngrok authtoken could not be read: it was saved by the desktop app/,
    );
    await expect(saved.getByTestId('secret-passphrase')).toHaveCount(0);
  } finally {
    await engine.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});

async function checkSecretNeverKept(engine: HeadlessInstance, inspector: InspectorPage) {
  await inspector.open(engine.inspectorUrl);
  const okta = oktaSender(engine.receiverUrl);
  const statuses = [
    (await okta.deliver(fixtureText('01-user-session-start.json'))).status,
    (await okta.deliver(DELIVERY, 'Basic wrong')).status,
    (await fetch(okta.receiverUrl, { method: 'POST', headers: { 'X-Okta-Secret': SECRET }, body: '{}' }))
      .status,
  ];
  expect(statuses).toEqual([204, 401, 401]);
  await expect(inspector.rows).toHaveCount(3);
  for (const row of [0, 1, 2]) {
    await inspector.openRow(row);
    await inspector.showTab('headers');
    await expect(inspector.detail.getByTestId('request-headers')).toBeVisible();
    const seen = [
      await inspector.page.content(),
      await inspector.page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage })),
    ].join('\n');
    for (const needle of NEEDLES) expect(seen).not.toContain(needle);
  }
  const files = (await readdir(engine.dataDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.startsWith('secrets'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  // The records and the index (its rows and full-text words) are among what is searched.
  expect(files.some((file) => file.endsWith('.rec'))).toBe(true);
  expect(files.some((file) => file.endsWith('index.db'))).toBe(true);
  const artefacts = [engine.output(), ...(await Promise.all(files.map((file) => readFile(file, 'latin1'))))];
  for (const needle of NEEDLES) expect(artefacts.join('\n')).not.toContain(needle);
}

test('should say in one sentence why deliveries get 503 when the disk is full, and recover', async ({
  page,
}) => {
  const disk = await mountSmallDisk(384 * 1024);
  test.skip(
    disk === null,
    'mounting a small tmpfs needs root (CI has it); the unit tests inject the fault instead',
  );
  const ballast = path.join(disk!.dir, 'ballast');
  await writeFile(ballast, Buffer.alloc(128 * 1024));
  const engine = await startHeadless([], { dataDir: path.join(disk!.dir, 'data') });
  try {
    const inspector = new InspectorPage(page);
    await inspector.open(engine.inspectorUrl);
    const deliver = () => fetch(engine.receiverUrl, { method: 'POST', body: DELIVERY });
    let status = 204;
    for (let n = 0; n < 200 && status !== 503; n += 1) status = (await deliver()).status;
    expect(status).toBe(503);
    const banner = page.getByTestId('storage-error');
    await expect(banner).toHaveText('The disk is full: deliveries are answered 503 so that Okta retries.');

    await rm(ballast);
    expect((await deliver()).status).toBe(204);
    await expect(banner).toHaveCount(0);
  } finally {
    await engine.stop();
    await disk!.unmount();
  }
});
