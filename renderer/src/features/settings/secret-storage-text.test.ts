import { describe, expect, it } from 'vitest';
import type { SecretStorageView } from '../../../../shared/model/settings';
import { isWeak, protectionText, unreadableText } from './secret-storage-text';

const view = (patch: Partial<SecretStorageView>): SecretStorageView => ({
  protection: 'keychain',
  backend: null,
  passphraseOption: true,
  unreadable: [],
  ...patch,
});

describe('saved secrets in Settings', () => {
  it('warns that Linux without a keyring is as good as clear text, and offers the passphrase', () => {
    const weak = view({ protection: 'basic-text', backend: 'basic_text' });
    expect(isWeak(weak)).toBe(true);
    expect(protectionText(weak)).toMatch(/fixed password anyone can look up.*Protect them with a passphrase/);
    expect(isWeak(view({ protection: 'unavailable' }))).toBe(true);
    expect(isWeak(view({ protection: 'keychain', backend: 'gnome_libsecret' }))).toBe(false);
  });

  it('names each secret to enter again, and a file that could not be read', () => {
    expect(unreadableText({ name: 'hookSecret', reason: 'it could not be decrypted (x)' })).toBe(
      'The hook secret could not be read: it could not be decrypted (x). Enter it again; the old value is kept in the file.',
    );
    expect(unreadableText({ name: null, reason: 'secrets.json is not valid JSON' })).toBe(
      'Saved secrets could not be read: secrets.json is not valid JSON. Enter them again.',
    );
  });
});
