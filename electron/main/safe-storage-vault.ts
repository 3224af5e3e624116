import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecretName, SecretVault } from '../core/deps';

type Crypto = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

/**
 * Desktop secrets, encrypted with the OS keychain through Electron's safeStorage and kept as
 * base64 in the data folder. Without OS encryption the secret is kept for this run only,
 * never written in clear.
 */
export class SafeStorageVault implements SecretVault {
  private readonly memory = new Map<SecretName, string>();

  constructor(
    private readonly crypto: Crypto,
    private readonly file: string,
  ) {}

  static inDataDir(crypto: Crypto, dataDir: string): SafeStorageVault {
    return new SafeStorageVault(crypto, path.join(dataDir, 'secrets.enc.json'));
  }

  async get(name: SecretName): Promise<string | null> {
    const remembered = this.memory.get(name);
    if (remembered !== undefined) return remembered;
    const sealed = (await this.readAll())[name];
    if (sealed === undefined || !this.crypto.isEncryptionAvailable()) return null;
    return this.crypto.decryptString(Buffer.from(sealed, 'base64'));
  }

  async set(name: SecretName, value: string | null): Promise<void> {
    const all = await this.readAll();
    this.memory.delete(name);
    delete all[name];
    if (value !== null) {
      if (this.crypto.isEncryptionAvailable()) {
        all[name] = this.crypto.encryptString(value).toString('base64');
      } else {
        this.memory.set(name, value);
      }
    }
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.writeFile(this.file, JSON.stringify(all), { mode: 0o600 });
  }

  private async readAll(): Promise<Partial<Record<SecretName, string>>> {
    try {
      return JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<Record<SecretName, string>>;
    } catch {
      return {};
    }
  }
}
