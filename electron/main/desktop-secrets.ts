import path from 'node:path';
import type { Logger } from '../core/deps';
import { CommandError } from '../core/rpc/command-error';
import { newPassphraseKey, passphraseCipher, unlockKey } from '../core/settings/passphrase-cipher';
import type { PassphraseControl } from '../core/settings/secret-commands';
import { readSecretFile } from '../core/settings/secret-file';
import { SecretStore } from '../core/settings/secret-store';
import { DESKTOP_SECRETS } from '../core/settings/secret-vault';
import { safeStorageCipher, type SafeStoragePort } from './safe-storage-cipher';

/**
 * The desktop app's secrets file (`secrets.enc.json`), encrypted with safeStorage or, when the
 * user chose one, a passphrase. The passphrase's key is remembered for the rest of the run, so
 * the engine can be started again (after an unlock) without asking twice.
 */
export class DesktopSecrets {
  private key: Buffer | null = null;
  private store: SecretStore | null = null;

  constructor(
    private readonly safeStorage: SafeStoragePort,
    private readonly dataDir: string,
    private readonly logger: Logger,
    /** Called once the passphrase is given: the engine starts again to read the secrets. */
    private readonly unlocked: () => void,
  ) {}

  private get file(): string {
    return path.join(this.dataDir, DESKTOP_SECRETS);
  }

  /** The store for one run of the engine, read with the cipher the file was saved with. */
  async open(): Promise<SecretStore> {
    const read = await readSecretFile(this.file, 'safeStorage');
    const params = read.state === 'ok' ? read.document.params : undefined;
    const cipher = params ? passphraseCipher(this.key, params) : safeStorageCipher(this.safeStorage);
    this.store = await SecretStore.open({
      file: this.file,
      cipher,
      flatScheme: 'safeStorage',
      logger: this.logger,
      passphraseOption: true,
    });
    return this.store;
  }

  readonly control: PassphraseControl = {
    protect: async (passphrase) => {
      const store = this.opened();
      if (store.storage().protection === 'locked')
        throw new CommandError('conflict', 'Enter the current passphrase first.');
      if (passphrase === null) {
        await this.rekey(store, safeStorageCipher(this.safeStorage));
        this.key = null;
        return;
      }
      const { key, params } = await newPassphraseKey(passphrase);
      await this.rekey(store, passphraseCipher(key, params));
      this.key = key;
    },
    unlock: async (passphrase) => {
      const read = await readSecretFile(this.file, 'safeStorage');
      const params = read.state === 'ok' ? read.document.params : undefined;
      if (!params || this.opened().storage().protection !== 'locked')
        throw new CommandError('conflict', 'The saved secrets are not locked.');
      const key = await unlockKey(passphrase, params);
      if (key === null) return false;
      this.key = key;
      this.unlocked();
      return true;
    },
  };

  private opened(): SecretStore {
    if (!this.store) throw new CommandError('unavailable', 'The secrets are not open yet.');
    return this.store;
  }

  private async rekey(store: SecretStore, cipher: Parameters<SecretStore['rekey']>[0]): Promise<void> {
    try {
      await store.rekey(cipher);
    } catch (error) {
      throw new CommandError(
        'unavailable',
        `The secrets could not be encrypted again: ${(error as Error).message}.`,
      );
    }
  }
}
