import { createHash, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/** A compact JWS split into what the emulated org checks, or null when it cannot be parsed. */
export interface ParsedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

/** The signature algorithms Okta accepts for client assertions and DPoP proofs. */
const HASHES: Record<string, string> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  ES256: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
};

const json = (part: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

export function parseJwt(token: string): ParsedJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head = '', body = '', signature = ''] = parts;
  const header = json(head);
  const claims = json(body);
  if (!header || !claims) return null;
  return {
    header,
    claims,
    signingInput: Buffer.from(`${head}.${body}`),
    signature: Buffer.from(signature, 'base64url'),
  };
}

export const supportedAlg = (alg: unknown): boolean => typeof alg === 'string' && alg in HASHES;

/** Whether `jwt` was signed by `jwk` with its header's algorithm. */
export function signedBy(jwt: ParsedJwt, jwk: JsonWebKey): boolean {
  const alg = String(jwt.header.alg);
  const hash = HASHES[alg];
  let key: KeyObject;
  try {
    key = createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    return false;
  }
  if (!hash || (alg.startsWith('RS') ? key.asymmetricKeyType !== 'rsa' : key.asymmetricKeyType !== 'ec')) {
    return false;
  }
  // JWS carries ECDSA signatures as r||s, not DER (RFC 7518 §3.4).
  const dsaEncoding = alg.startsWith('ES') ? ('ieee-p1363' as const) : undefined;
  return verify(hash, jwt.signingInput, dsaEncoding ? { key, dsaEncoding } : key, jwt.signature);
}

/** RFC 7638 thumbprint: the DPoP key binding (`cnf.jkt`) of an access token. */
export function thumbprint(jwk: JsonWebKey): string {
  const members =
    jwk.kty === 'EC'
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

export const accessTokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');
