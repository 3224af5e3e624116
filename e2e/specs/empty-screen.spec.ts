import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, SECRET, test } from '../fixtures';
import { readClipboard } from '../pages/inspector-page';

const shell = promisify(execFile);

test('should offer terminal commands that pass the secret check when pasted', async ({
  inspector,
  context,
}) => {
  const { page } = inspector;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  const empty = page.getByTestId('empty-state');
  // The secret is shown masked and copied in clear.
  await expect(empty.getByTestId('try-verify')).toContainText("Authorization: Basic ••••••••'");
  await expect(empty).not.toContainText(SECRET);

  await empty.getByTestId('copy-try-verify').click();
  await expect(empty.getByTestId('copy-try-verify')).toHaveAttribute('data-copy-state', 'copied');
  const verify = await shell('sh', ['-c', await readClipboard(page)]);
  expect(verify.stdout).toMatch(/^HTTP\/1\.1 200/);
  expect(verify.stdout).toContain('{"verification":"hello"}');

  await expect(inspector.rows).toHaveCount(1);
  await expect(inspector.row(0)).toHaveAttribute('data-kind', 'verification');
  await expect(inspector.row(0).getByTestId('auth-badge')).toHaveAttribute('data-auth', 'ok');
});

test('should offer a delivery command that arrives as an accepted delivery when pasted', async ({
  inspector,
  context,
}) => {
  const { page } = inspector;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  const empty = page.getByTestId('empty-state');
  await empty.getByTestId('copy-try-deliver').click();
  await expect(empty.getByTestId('copy-try-deliver')).toHaveAttribute('data-copy-state', 'copied');
  const deliver = await shell('sh', ['-c', await readClipboard(page)]);
  expect(deliver.stdout).toMatch(/^HTTP\/1\.1 204/);
  await expect(inspector.row(0)).toContainText('user.session.start');
  await expect(inspector.row(0).getByTestId('auth-badge')).toHaveAttribute('data-auth', 'ok');
});

test('should say that Okta needs the public URL, and where to get it', async ({ inspector, okta }) => {
  const empty = inspector.page.getByTestId('empty-state');
  await expect(empty.getByTestId('empty-public')).toContainText('Okta calls only public https:// URLs');
  await expect(empty.getByTestId('empty-public')).toContainText('Public URL bar above');
  await expect(empty.getByTestId('empty-hook-url')).toHaveText(okta.receiverUrl);
  await expect(empty.getByTestId('empty-local')).toContainText('this machine');
});
