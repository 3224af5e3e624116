import { createHash, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

/** The JWS algorithms Okta accepts for client assertions and DPoP proofs, per key type. */
export type JwsAlg = 'RS256' | 'ES256' | 'ES384' | 'ES512';

/** Node names the curves by their OpenSSL names. */
const EC_ALGS: Record<string, JwsAlg> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' };
const HASHES: Record<JwsAlg, string> = { RS256: 'sha256', ES256: 'sha256', ES384: 'sha384', ES512: 'sha512' };

/** RS256 for RSA keys, ES256/384/512 by curve; null for key types Okta does not take. */
export function algFor(key: KeyObject): JwsAlg | null {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType !== 'ec') return null;
  return EC_ALGS[key.asymmetricKeyDetails?.namedCurve ?? ''] ?? null;
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS (RFC 7515); ECDSA signatures as r||s, as JWS requires (RFC 7518 §3.4). */
export function signJwt(
  key: KeyObject,
  alg: JwsAlg,
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
): string {
  const input = `${part({ ...header, alg })}.${part(claims)}`;
  const signature = sign(HASHES[alg], Buffer.from(input), {
    key,
    ...(alg.startsWith('ES') ? { dsaEncoding: 'ieee-p1363' as const } : {}),
  });
  return `${input}.${signature.toString('base64url')}`;
}

/** The public half of a key as a bare JWK (no private members). */
export const publicJwk = (key: KeyObject): JsonWebKey => {
  const { kty, n, e, crv, x, y } = key.export({ format: 'jwk' });
  return Object.fromEntries(Object.entries({ kty, n, e, crv, x, y }).filter(([, v]) => v !== undefined));
};

/** RFC 7638 JWK thumbprint: a stable key id, and the DPoP key binding. */
export function thumbprint(jwk: JsonWebKey): string {
  const members =
    jwk.kty === 'EC'
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

/** `ath`: the hash of the access token a DPoP proof comes with (RFC 9449 §4.2). */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');
