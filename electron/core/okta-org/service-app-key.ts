import { createPrivateKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { CommandError } from '../rpc/command-error';
import { algFor, publicJwk, thumbprint, type JwsAlg } from './jose';

/** A service app's signing key, ready to sign client assertions. */
export interface SigningKey {
  key: KeyObject;
  alg: JwsAlg;
  /** The `kid` Okta shows in the app's Public keys table; null when none is known. */
  kid: string | null;
  /** PKCS#8 PEM: how the key is kept in the secret vault. */
  pem: string;
}

/** A key pair made here: the public JWK goes into the Admin Console, the private key stays here. */
export interface GeneratedKey {
  signing: SigningKey;
  /** As the Admin Console's "Add a public key" dialog takes it: with `kid`, `use` and `alg`. */
  publicJwk: JsonWebKey;
}

const refuse = (message: string) => new CommandError('invalid-input', message);

function parse(text: string): { key: KeyObject; kid: string | null } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let jwk: JsonWebKey;
    try {
      jwk = JSON.parse(trimmed) as JsonWebKey;
    } catch {
      throw refuse('The private key looks like JSON but is not: paste the whole JWK, braces included.');
    }
    if (typeof jwk.d !== 'string')
      throw refuse('That JWK is a public key: paste the private key (it has a "d").');
    return {
      key: createPrivateKey({ key: jwk, format: 'jwk' }),
      kid: typeof jwk.kid === 'string' ? jwk.kid : null,
    };
  }
  if (/ENCRYPTED/.test(trimmed)) throw refuse('The PEM key is encrypted: export it without a passphrase.');
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(trimmed)) {
    throw refuse('Paste the private key as PEM (-----BEGIN PRIVATE KEY-----) or as a JWK.');
  }
  return { key: createPrivateKey({ key: trimmed, format: 'pem' }), kid: null };
}

/**
 * Read a private key as pasted (PEM, PKCS#8 or PKCS#1, or a JWK from the Admin Console's
 * "Generate new key"), with its `kid` from the JWK or as typed. RSA or EC, as Okta accepts
 * (https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/).
 */
export function readSigningKey(text: string, kid: string | null): SigningKey {
  let parsed: { key: KeyObject; kid: string | null };
  try {
    parsed = parse(text);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw refuse(`The private key cannot be read: ${(error as Error).message}.`);
  }
  const alg = algFor(parsed.key);
  if (alg === null) throw refuse('Okta takes RSA or EC (P-256, P-384, P-521) keys only.');
  const pem = parsed.key.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { key: parsed.key, alg, kid: kid ?? parsed.kid, pem };
}

/** The public JWK of a signing key, with its `kid` (the thumbprint when it has none). */
export function publicJwkOf(signing: SigningKey): JsonWebKey {
  const jwk = publicJwk(signing.key);
  return { ...jwk, kid: signing.kid ?? thumbprint(jwk), use: 'sig', alg: signing.alg };
}

/** A 2048-bit RSA key pair, as the Admin Console's own generator makes, named by its thumbprint. */
export function generateSigningKey(): GeneratedKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = thumbprint(publicJwk(privateKey));
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const signing: SigningKey = { key: privateKey, alg: 'RS256', kid, pem };
  return { signing, publicJwk: publicJwkOf(signing) };
}
