import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SecretName, SecretVault } from '../deps';
import { writeAtomically } from './atomic-file';

/**
 * Secrets for headless mode: a JSON file readable by the user only (0600) in the data
 * directory. The desktop app uses Electron's safeStorage instead (electron/main/secrets).
 */
export class FileSecretVault implements SecretVault {
  constructor(private readonly file: string) {}

  static inDataDir(dataDir: string): FileSecretVault {
    return new FileSecretVault(path.join(dataDir, 'secrets.json'));
  }

  async get(name: SecretName): Promise<string | null> {
    const all = await this.readAll();
    return all[name] ?? null;
  }

  async set(name: SecretName, value: string | null): Promise<void> {
    const all = await this.readAll();
    if (value === null) delete all[name];
    else all[name] = value;
    await writeAtomically(this.file, JSON.stringify(all), 0o600);
  }

  private async readAll(): Promise<Partial<Record<SecretName, string>>> {
    try {
      return JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<Record<SecretName, string>>;
    } catch {
      return {};
    }
  }
}
