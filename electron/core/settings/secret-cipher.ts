import type { SecretProtection } from '../../../shared/model/settings';

/** How the values in a secrets file are encoded: recorded in the file, so a start knows how to read it. */
export type SecretScheme = 'clear' | 'safeStorage' | 'passphrase';

/** What a passphrase-protected file needs to be opened again: the key derivation's inputs. */
export interface PassphraseParams {
  /** scrypt salt and cost (https://nodejs.org/api/crypto.html#cryptoscryptpassword-salt-keylen-options-callback). */
  salt: string;
  cost: number;
  blockSize: number;
  parallelization: number;
  /** A known text encrypted with the key: tells a wrong passphrase from a damaged entry. */
  check: string;
}

/** Encrypts and decrypts the values of one secrets file. */
export interface SecretCipher {
  readonly scheme: SecretScheme;
  describe(): { protection: SecretProtection; backend: string | null };
  /** Null when it can encrypt and decrypt now; else why not, in words for the user. */
  unavailable(): Promise<string | null>;
  encrypt(value: string): Promise<string>;
  /** `renew`: the value decrypts, but should be encrypted again (the OS rotated its key). */
  decrypt(encoded: string): Promise<{ value: string; renew: boolean }>;
  /** Written into the file beside the entries (a passphrase's key derivation). */
  params?: PassphraseParams;
}

/**
 * Headless mode's values, and the capture key in both modes, are kept as they are in a file only
 * the user can read (0600): plain Node has no OS keychain, and both modes must read the key.
 */
export const fileCipher: SecretCipher = {
  scheme: 'clear',
  describe: () => ({ protection: 'file', backend: null }),
  unavailable: () => Promise.resolve(null),
  encrypt: (value) => Promise.resolve(value),
  decrypt: (value) => Promise.resolve({ value, renew: false }),
};
