import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/settings/secret-cipher';

export type SafeStoragePort = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

export const NO_KEYCHAIN =
  'the OS keychain is not available (on Linux: no keyring such as GNOME Keyring or KWallet is running or unlocked)';

/**
 * Electron's safeStorage, through its asynchronous API: the synchronous one is deprecated in
 * Electron 45, and only the asynchronous one says when a value should be encrypted again because
 * the OS rotated its key (`shouldReEncrypt`). On Linux without a keyring, safeStorage falls back
 * to `basic_text`, a fixed and public password: Settings says so and offers a passphrase.
 * https://www.electronjs.org/docs/latest/api/safe-storage
 */
export function safeStorageCipher(storage: SafeStoragePort, platform = process.platform): SecretCipher {
  // Linux only, and only meaningful once the app is ready (before, it answers `unknown`).
  const backend = platform === 'linux' ? storage.getSelectedStorageBackend() : null;
  let available: boolean | null = null;
  return {
    scheme: 'safeStorage',
    describe: () => ({
      protection: available === false ? 'unavailable' : backend === 'basic_text' ? 'basic-text' : 'keychain',
      backend,
    }),
    unavailable: async () => {
      available = await storage.isAsyncEncryptionAvailable();
      return available ? null : NO_KEYCHAIN;
    },
    encrypt: async (value) => (await storage.encryptStringAsync(value)).toString('base64'),
    decrypt: async (encoded) => {
      const { result, shouldReEncrypt } = await storage.decryptStringAsync(Buffer.from(encoded, 'base64'));
      return { value: result, renew: shouldReEncrypt };
    },
  };
}
