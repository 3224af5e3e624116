import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PassphraseParams, SecretCipher } from './secret-cipher';

/**
 * Secrets encrypted with a key derived from a passphrase the user types (scrypt, then
 * AES-256-GCM): for machines where the OS offers no keyring, so Electron's safeStorage would fall
 * back to a fixed, public password (https://www.electronjs.org/docs/latest/api/safe-storage).
 */

/** scrypt's cost: 2^15 × 8 × 128 bytes = 32 MiB of memory per attempt (the OWASP minimum is 19 MiB). */
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELIZATION = 1;
const CHECK_TEXT = 'okta-hook-inspector passphrase check';

export const LOCKED_REASON = 'they are protected by a passphrase that has not been entered yet';

export function deriveKey(passphrase: string, params: Omit<PassphraseParams, 'check'>): Promise<Buffer> {
  const { cost, blockSize, parallelization } = params;
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { cost, blockSize, parallelization, maxmem: 2 * 128 * cost * blockSize },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

function encrypt(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the key is not the one the value was encrypted with (or the value was changed). */
function decrypt(key: Buffer, encoded: string): string {
  const bytes = Buffer.from(encoded, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** A new passphrase: fresh salt, and the check value that will recognise it. */
export async function newPassphraseKey(
  passphrase: string,
): Promise<{ key: Buffer; params: PassphraseParams }> {
  const base = {
    salt: randomBytes(16).toString('base64'),
    cost: COST,
    blockSize: BLOCK_SIZE,
    parallelization: PARALLELIZATION,
  };
  const key = await deriveKey(passphrase, base);
  return { key, params: { ...base, check: encrypt(key, CHECK_TEXT) } };
}

/** The key for a saved file, or null when the passphrase is not the one it was protected with. */
export async function unlockKey(passphrase: string, params: PassphraseParams): Promise<Buffer | null> {
  const key = await deriveKey(passphrase, params);
  try {
    const check = Buffer.from(decrypt(key, params.check));
    const expected = Buffer.from(CHECK_TEXT);
    return check.length === expected.length && timingSafeEqual(check, expected) ? key : null;
  } catch {
    return null;
  }
}

/** The cipher of a passphrase-protected file; without its key (not entered yet) it is locked. */
export function passphraseCipher(key: Buffer | null, params: PassphraseParams): SecretCipher {
  return {
    scheme: 'passphrase',
    params,
    describe: () => ({ protection: key ? 'passphrase' : 'locked', backend: null }),
    unavailable: () => Promise.resolve(key ? null : LOCKED_REASON),
    encrypt: (value) =>
      key ? Promise.resolve(encrypt(key, value)) : Promise.reject(new Error(LOCKED_REASON)),
    decrypt: (value) =>
      key
        ? Promise.resolve({ value: decrypt(key, value), renew: false })
        : Promise.reject(new Error(LOCKED_REASON)),
  };
}
