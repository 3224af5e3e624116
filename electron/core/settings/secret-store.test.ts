import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { fileCipher, type SecretCipher } from './secret-cipher';
import type { SecretDocument } from './secret-file';
import { SecretStore } from './secret-store';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

async function secretsFile() {
  const dir = await makeTempDir('ohi-secrets-');
  dirs.push(dir);
  return path.join(dir, 'secrets.enc.json');
}

/** A cipher like safeStorage: values it did not encrypt itself (another keyring's) throw. */
function rot(options: { available?: boolean; stale?: boolean } = {}): SecretCipher & { keyring: string } {
  const cipher = {
    keyring: 'k1',
    scheme: 'safeStorage' as const,
    describe: () => ({ protection: 'keychain' as const, backend: null }),
    unavailable: () =>
      Promise.resolve(options.available === false ? 'the OS keychain is not available' : null),
    encrypt: (value: string) => Promise.resolve(`${cipher.keyring}:${Buffer.from(value).toString('base64')}`),
    decrypt: (encoded: string) => {
      const [keyring, body] = encoded.split(':');
      if (keyring !== cipher.keyring)
        return Promise.reject(new Error('Error while decrypting the ciphertext'));
      return Promise.resolve({
        value: Buffer.from(body ?? '', 'base64').toString(),
        renew: options.stale === true,
      });
    },
  };
  return cipher;
}

const open = (file: string, cipher: SecretCipher) =>
  SecretStore.open({ file, cipher, flatScheme: 'safeStorage', logger: silentLogger });
const onDisk = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as SecretDocument;

describe('SecretStore', () => {
  it('keeps values encrypted in a 0600 file and reads them back, also from the flat format before it', async () => {
    const file = await secretsFile();
    const cipher = rot();
    const store = await open(file, cipher);
    await store.set('hookSecret', 'Basic abc');
    expect((await onDisk(file)).entries.hookSecret).toBe('k1:QmFzaWMgYWJj');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await (await open(file, cipher)).get('hookSecret')).toBe('Basic abc');
    await writeFile(file, JSON.stringify({ ngrokAuthtoken: 'k1:dG9r' }));
    expect(await (await open(file, cipher)).get('ngrokAuthtoken')).toBe('tok');
  });

  it('opens when a value cannot be decrypted, names it, and keeps the old value aside when it is entered again', async () => {
    const file = await secretsFile();
    const before = rot();
    const first = await open(file, before);
    await first.set('hookSecret', 'old secret');
    await first.set('ngrokAuthtoken', 'token');
    const after = rot();
    after.keyring = 'k2'; // the keyring was reset
    await first.set('oktaApiToken', 'okta'); // still k1
    const store = await open(file, after);
    expect(await store.get('hookSecret')).toBeNull();
    expect(store.storage().unreadable.map((u) => u.name)).toEqual([
      'hookSecret',
      'ngrokAuthtoken',
      'oktaApiToken',
    ]);
    expect(store.storage().unreadable[0]?.reason).toMatch(/could not be decrypted \(Error while decrypting/);
    const untouched = await readFile(file, 'utf8');
    await store.set('hookSecret', 'new secret');
    const saved = await onDisk(file);
    expect(saved.entries.hookSecret).toBe('k2:bmV3IHNlY3JldA==');
    expect(saved.entries.ngrokAuthtoken).toBe(
      (JSON.parse(untouched) as SecretDocument).entries.ngrokAuthtoken,
    );
    expect(saved.aside).toEqual([
      expect.objectContaining({ name: 'hookSecret', scheme: 'safeStorage', value: 'k1:b2xkIHNlY3JldA==' }),
    ]);
    expect(store.storage().unreadable.map((u) => u.name)).toEqual(['ngrokAuthtoken', 'oktaApiToken']);
  });

  it('never reads a damaged file as empty: it is kept as it is, then moved aside before the next save', async () => {
    const file = await secretsFile();
    await writeFile(file, '{"hookSecret": "k1:YQ==", ');
    const store = await open(file, rot());
    expect(store.storage().unreadable).toEqual([
      { name: null, reason: 'secrets.enc.json is not valid JSON' },
    ]);
    expect(await readFile(file, 'utf8')).toBe('{"hookSecret": "k1:YQ==", ');
    await store.set('hookSecret', 'b');
    const names = await readdir(path.dirname(file));
    const kept = names.find((name) => name.startsWith('secrets.enc.json.damaged-'));
    expect(kept).toBeDefined();
    expect(await readFile(path.join(path.dirname(file), kept ?? ''), 'utf8')).toBe(
      '{"hookSecret": "k1:YQ==", ',
    );
    expect(store.storage().unreadable[0]?.reason).toContain(`kept as ${kept}`);
    expect(await (await open(file, rot())).get('hookSecret')).toBe('b');
  });

  it('refuses to save over a file the system will not let it read, and says why', async () => {
    const file = await secretsFile();
    await mkdir(file); // reading a folder fails like a file without permission does
    const store = await open(file, rot());
    expect(store.storage().unreadable[0]).toMatchObject({
      name: null,
      reason: expect.stringMatching(/EISDIR/),
    });
    await expect(store.set('hookSecret', 'x')).rejects.toThrow(/left as it is, so no secret can be saved/);
  });

  it('serialises changes: secrets set at the same moment are all saved', async () => {
    const file = await secretsFile();
    const store = await open(file, rot());
    await Promise.all([
      store.set('hookSecret', 'a'),
      store.set('ngrokAuthtoken', 'b'),
      store.set('oktaApiToken', 'c'),
    ]);
    expect(Object.keys((await onDisk(file)).entries).sort()).toEqual([
      'hookSecret',
      'ngrokAuthtoken',
      'oktaApiToken',
    ]);
  });

  it('without encryption keeps what is saved untouched and what is entered for this run only', async () => {
    const file = await secretsFile();
    await (await open(file, rot())).set('hookSecret', 'saved');
    const text = await readFile(file, 'utf8');
    const store = await open(file, rot({ available: false }));
    expect(store.storage().unreadable).toEqual([
      { name: 'hookSecret', reason: 'the OS keychain is not available' },
    ]);
    await store.set('hookSecret', 'this run');
    expect(await store.get('hookSecret')).toBe('this run');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('encrypts a value again when the cipher asks for it (a rotated OS key)', async () => {
    const file = await secretsFile();
    await (await open(file, rot())).set('hookSecret', 'v');
    const rotated = rot({ stale: true }); // reads k1 values and asks for them to be encrypted again
    const store = await open(file, {
      ...rotated,
      encrypt: (value) => Promise.resolve(`k2:${Buffer.from(value).toString('base64')}`),
    });
    expect(await store.get('hookSecret')).toBe('v');
    expect((await onDisk(file)).entries.hookSecret).toBe('k2:dg==');
  });

  it('re-encrypts every value with a new cipher and sets aside those it could not read', async () => {
    const file = await secretsFile();
    const old = rot();
    await (await open(file, old)).set('hookSecret', 'h');
    const other = rot();
    other.keyring = 'k9';
    const mixed = await open(file, other);
    await mixed.set('ngrokAuthtoken', 't');
    await mixed.rekey(fileCipher);
    const saved = await onDisk(file);
    expect(saved.scheme).toBe('clear');
    expect(saved.entries).toEqual({ ngrokAuthtoken: 't' });
    expect(saved.aside.map((entry) => [entry.name, entry.value])).toEqual([['hookSecret', 'k1:aA==']]);
    expect(mixed.storage().unreadable).toEqual([]);
  });
});
