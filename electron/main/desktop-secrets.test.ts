import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/deps';
import { UNREADABLE } from '../core/store/header-sealer';
import { makeTempDir, startTestCore } from '../../test-support/engine/core-fixture';
import { deliver } from '../../test-support/engine/http-client';
import { DesktopSecrets } from './desktop-secrets';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

const SECRET = 'Basic ZGVzazp0b3A=';
const DECRYPT_ERROR = 'Error while decrypting the ciphertext provided to safeStorage.decryptString.';

/**
 * Electron 45's safeStorage as documented (https://www.electronjs.org/docs/latest/api/safe-storage):
 * the asynchronous API, `{ shouldReEncrypt, result }` from decryptStringAsync, a Linux backend
 * name; values encrypted under another keyring fail to decrypt. The deprecated synchronous calls
 * throw here, so a test passes only if they are not used.
 */
function fakeSafeStorage() {
  const state = { keyring: 'k1', available: true, backend: 'gnome_libsecret', rotated: false };
  const deprecated = () => {
    throw new Error('the deprecated synchronous safeStorage API was used');
  };
  return Object.assign(state, {
    isAsyncEncryptionAvailable: () => Promise.resolve(state.available),
    encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(`${state.keyring}|${text}`)),
    decryptStringAsync: (data: Buffer) => {
      const [keyring, ...rest] = data.toString().split('|');
      if (keyring !== state.keyring && !state.rotated) return Promise.reject(new Error(DECRYPT_ERROR));
      return Promise.resolve({ result: rest.join('|'), shouldReEncrypt: keyring !== state.keyring });
    },
    getSelectedStorageBackend: () => state.backend as 'gnome_libsecret',
    isEncryptionAvailable: deprecated,
    encryptString: deprecated,
    decryptString: deprecated,
  });
}

async function desktopRun(
  dataDir: string,
  safeStorage: ReturnType<typeof fakeSafeStorage>,
  unlocked = vi.fn(),
) {
  const secrets = new DesktopSecrets(safeStorage, dataDir, silentLogger, unlocked);
  const t = await startTestCore({
    dataDir,
    desktopSecrets: () => secrets.open(),
    passphrase: secrets.control,
  });
  return { t, secrets, unlocked };
}

const folder = async () => {
  const dir = await makeTempDir('ohi-desktop-');
  dirs.push(dir);
  return dir;
};
const saved = async (dir: string) => readFile(path.join(dir, 'secrets.enc.json'), 'utf8');

describe('desktop secrets', () => {
  it('starts when a saved secret can no longer be decrypted, says which, and keeps the old value', async () => {
    const dataDir = await folder();
    const safeStorage = fakeSafeStorage();
    const first = await desktopRun(dataDir, safeStorage);
    await first.t.call('settings.update', { secret: SECRET });
    await first.t.stop();
    safeStorage.keyring = 'k2'; // libsecret reset, or the folder moved to another machine
    const { t } = await desktopRun(dataDir, safeStorage);
    const view = await t.call('settings.get', {});
    expect(view.secret.configured).toBe(false);
    expect(view.secretStorage.unreadable).toEqual([
      { name: 'hookSecret', reason: `it could not be decrypted (${DECRYPT_ERROR})` },
    ]);
    expect(t.core.status().storage.notices).toContain(
      `The saved hook secret could not be read: it could not be decrypted (${DECRYPT_ERROR}). Enter it again in Settings.`,
    );
    await t.call('settings.update', { secret: 'Basic bmV3' });
    const file = JSON.parse(await saved(dataDir)) as { aside: { name: string; value: string }[] };
    expect(file.aside).toEqual([
      expect.objectContaining({ name: 'hookSecret', value: Buffer.from(`k1|${SECRET}`).toString('base64') }),
    ]);
    await t.stop();
  });

  it('uses the asynchronous API and encrypts again what safeStorage asks to', async () => {
    const dataDir = await folder();
    const safeStorage = fakeSafeStorage();
    const first = await desktopRun(dataDir, safeStorage);
    await first.t.call('settings.update', { ngrokAuthtoken: '2abcTOKEN' });
    await first.t.stop();
    Object.assign(safeStorage, { keyring: 'k2', rotated: true });
    const { t } = await desktopRun(dataDir, safeStorage);
    expect((await t.call('settings.get', {})).ngrokAuthtoken.configured).toBe(true);
    expect(await saved(dataDir)).toContain(Buffer.from('k2|2abcTOKEN').toString('base64'));
    await t.stop();
  });

  it('keeps the capture key when the keychain is unavailable at launch, instead of minting another', async () => {
    const dataDir = await folder();
    const safeStorage = fakeSafeStorage();
    const first = await desktopRun(dataDir, safeStorage);
    await first.t.call('settings.update', { secret: SECRET });
    await deliver(first.t.hookUrl, '{}', [['Authorization', SECRET]]);
    await first.t.stop();
    safeStorage.available = false;
    const { t } = await desktopRun(dataDir, safeStorage);
    const view = await t.call('settings.get', {});
    expect(view.secretStorage).toMatchObject({
      protection: 'unavailable',
      unreadable: [{ name: 'hookSecret' }],
    });
    const [summary] = (await t.call('exchanges.list', {})).items;
    const exchange = await t.call('exchanges.get', {
      id: summary!.id,
      revealSecrets: true,
    });
    expect(exchange.request.headers).toContainEqual(['Authorization', SECRET]);
    expect(exchange.request.headers).not.toContainEqual(['Authorization', UNREADABLE]);
    await t.stop();
  });

  it('says when Linux has no keyring (basic_text) and protects the secrets with a passphrase instead', async () => {
    const dataDir = await folder();
    const safeStorage = fakeSafeStorage();
    safeStorage.backend = 'basic_text';
    const first = await desktopRun(dataDir, safeStorage);
    expect((await first.t.call('settings.get', {})).secretStorage).toEqual({
      protection: 'basic-text',
      backend: 'basic_text',
      passphraseOption: true,
      unreadable: [],
    });
    await first.t.call('settings.update', { secret: SECRET });
    const tooShort = await first.t.core.dispatch('secrets.protect', { passphrase: 'short' });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const view = await first.t.call('secrets.protect', { passphrase: 'correct horse battery' });
    expect(view.secretStorage.protection).toBe('passphrase');
    expect(await saved(dataDir)).not.toContain(Buffer.from(`k1|${SECRET}`).toString('base64'));
    await first.t.stop();

    const next = await desktopRun(dataDir, safeStorage);
    expect((await next.t.call('settings.get', {})).secretStorage.protection).toBe('locked');
    expect(next.t.core.status().storage.notices[0]).toMatch(
      /protected by a passphrase: enter it in Settings/,
    );
    const protectWhileLocked = await next.t.core.dispatch('secrets.protect', { passphrase: null });
    expect(protectWhileLocked).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const wrong = await next.t.core.dispatch('secrets.unlock', { passphrase: 'wrong horse battery' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(next.unlocked).not.toHaveBeenCalled();
    await next.t.call('secrets.unlock', { passphrase: 'correct horse battery' });
    expect(next.unlocked).toHaveBeenCalledTimes(1);
    await next.t.stop();
    // What the app does on unlock: the engine starts again on the same secrets, now readable.
    const reopened = await startTestCore({ dataDir, desktopSecrets: () => next.secrets.open() });
    expect(await reopened.call('settings.revealSecret', { name: 'hookSecret' })).toEqual({ value: SECRET });
    await reopened.stop();
  });
});
