import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/deps';
import { FileSecretVault } from '../core/settings/file-secret-vault';
import { makeTempDir } from '../core/testing/core-fixture';
import { apiToken } from './api-token';

describe('the API token', () => {
  it('stays the same across runs of one data folder, and differs between folders', async () => {
    const dataDir = await makeTempDir();
    const first = await apiToken(FileSecretVault.inDataDir(dataDir), undefined, silentLogger);
    const again = await apiToken(FileSecretVault.inDataDir(dataDir), undefined, silentLogger);
    const elsewhere = await apiToken(FileSecretVault.inDataDir(await makeTempDir()), undefined, silentLogger);
    expect(first).toMatch(/^[\w-]{32}$/);
    expect(again).toBe(first);
    expect(elsewhere).not.toBe(first);
  });

  it('takes --token for this run only', async () => {
    const vault = FileSecretVault.inDataDir(await makeTempDir());
    expect(await apiToken(vault, 'given-token-0123456789', silentLogger)).toBe('given-token-0123456789');
    expect(await vault.get('apiToken')).toBeNull();
  });

  it('still gives a token when the folder cannot keep it', async () => {
    const dataDir = await makeTempDir();
    const vault = new FileSecretVault(path.join(dataDir, 'missing', 'x', '\0bad'));
    expect(await apiToken(vault, undefined, silentLogger)).toMatch(/^[\w-]{32}$/);
  });
});
