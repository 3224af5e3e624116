import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { HeaderList } from '../../../shared/model/exchange';
import { carriesCredential } from '../../../shared/okta/secret-mask';
import type { SecretVault } from '../deps';

/**
 * Keeps credentials out of the capture log. Okta sends the hook secret in a header on every
 * request, so a log of requests is a log of the secret; instead each credential header value
 * is written encrypted (AES-256-GCM) with a key kept in the secret vault, next to the secret
 * itself, and decrypted only when an exchange is read back.
 */
export interface HeaderSealer {
  /** Make sure the key is saved; nothing sealed with a key that could be lost may be written. */
  persist(): Promise<void>;
  seal(headers: HeaderList): HeaderList;
  unseal(headers: HeaderList): HeaderList;
}

/** What must not reach the disk in clear: credential header names and the secret itself. */
export interface SecretsInUse {
  authHeader(): string;
  secret(): string | null;
}

const PREFIX = 'sealed:v1:';

/** A header value written encrypted (see below). */
export const isSealed = (value: string) => value.startsWith(PREFIX);
/** Shown when a sealed value cannot be opened (the key was deleted, or another machine's). */
export const UNREADABLE = '•••••••• (sealed; key not available)';
/** Recorded instead of a credential while the saved key cannot be read. */
export const NOT_RECORDED = '•••••••• (not recorded: the capture key could not be read)';

export const identitySealer: HeaderSealer = {
  persist: () => Promise.resolve(),
  seal: (h) => h,
  unseal: (h) => h,
};

/**
 * The sealer for a data folder; creates its key in the vault on first use. On a folder that
 * cannot be written yet the new key is saved later, before the first record sealed with it.
 * A key that is saved but cannot be read is never replaced by a new one (that would strand
 * everything sealed with it): credentials are then not recorded at all, and the vault says why.
 */
export async function openHeaderSealer(vault: SecretVault, secrets: SecretsInUse): Promise<HeaderSealer> {
  const stored = await vault.get('captureKey');
  const mustSeal = credentialTest(secrets);
  const unreadable = vault.storage().unreadable.some(({ name }) => name === 'captureKey' || name === null);
  if ((stored === null && unreadable) || (stored !== null && Buffer.from(stored, 'base64').length !== 32))
    return keylessSealer(mustSeal);
  const encoded = stored ?? randomBytes(32).toString('base64');
  let saved = stored !== null;
  const persist = async () => {
    if (saved) return;
    await vault.set('captureKey', encoded);
    saved = true;
  };
  await persist().catch(() => undefined);
  const key = Buffer.from(encoded, 'base64');
  return {
    persist,
    seal: (headers) =>
      headers.map(([name, value]) => [name, mustSeal(name, value) ? seal(key, value) : value]),
    unseal: (headers) =>
      headers.map(([name, value]) => [name, value.startsWith(PREFIX) ? unseal(key, value) : value]),
  };
}

/** Whether a header must not reach the disk in clear. */
function credentialTest(secrets: SecretsInUse) {
  return (name: string, value: string) =>
    carriesCredential(name, value, { authHeader: secrets.authHeader(), secret: secrets.secret() });
}

function keylessSealer(mustSeal: (name: string, value: string) => boolean): HeaderSealer {
  return {
    persist: () => Promise.resolve(),
    seal: (headers) => headers.map(([name, value]) => [name, mustSeal(name, value) ? NOT_RECORDED : value]),
    unseal: (headers) =>
      headers.map(([name, value]) => [name, value.startsWith(PREFIX) ? UNREADABLE : value]),
  };
}

/**
 * Random 96-bit nonces, drawn from a pool refilled 4 KB at a time: one call to the random
 * generator per ~340 sealed values instead of one each, which cost 3% of the receiver's time
 * (bench/README.md, Receiver throughput).
 */
const NONCE_BYTES = 12;
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;

function nonce(): Buffer {
  if (nonceOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_BYTES * 341);
    nonceOffset = 0;
  }
  nonceOffset += NONCE_BYTES;
  return noncePool.subarray(nonceOffset - NONCE_BYTES, nonceOffset);
}

function seal(key: Buffer, value: string): string {
  const iv = nonce();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

function unseal(key: Buffer, value: string): string {
  const bytes = Buffer.from(value.slice(PREFIX.length), 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return UNREADABLE;
  }
}
