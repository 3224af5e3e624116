import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/deps';
import { openSecretVault } from '../core/settings/secret-vault';
import { makeTempDir } from '../../test-support/engine/core-fixture';
import { apiToken } from './api-token';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));
const folder = async () => {
  const dir = await makeTempDir();
  dirs.push(dir);
  return dir;
};
const vaultOf = (dataDir: string) => openSecretVault(dataDir, silentLogger);

describe('the API token', () => {
  it('stays the same across runs of one data folder, and differs between folders', async () => {
    const dataDir = await folder();
    const first = await apiToken(await vaultOf(dataDir), undefined, silentLogger);
    const again = await apiToken(await vaultOf(dataDir), undefined, silentLogger);
    const elsewhere = await apiToken(await vaultOf(await folder()), undefined, silentLogger);
    expect(first).toMatch(/^[\w-]{32}$/);
    expect(again).toBe(first);
    expect(elsewhere).not.toBe(first);
  });

  it('takes --token for this run only', async () => {
    const vault = await vaultOf(await folder());
    expect(await apiToken(vault, 'given-token-0123456789', silentLogger)).toBe('given-token-0123456789');
    expect(await vault.get('apiToken')).toBeNull();
  });

  it('still gives a token when the folder cannot keep it', async () => {
    const vault = {
      get: () => Promise.resolve(null),
      set: () => Promise.reject(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })),
      storage: () => ({
        protection: 'file' as const,
        backend: null,
        passphraseOption: false,
        unreadable: [],
      }),
    };
    expect(await apiToken(vault, undefined, silentLogger)).toMatch(/^[\w-]{32}$/);
  });
});
