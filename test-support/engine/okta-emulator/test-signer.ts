import {
  createHash,
  generateKeyPairSync,
  randomUUID,
  sign,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

/** A key pair a test registers with the emulated org, and signs assertions and proofs with. */
export interface TestKey {
  privateKey: KeyObject;
  /** The public JWK with `kid`, as pasted into the Admin Console. */
  publicJwk: JsonWebKey;
  /** The bare public JWK, as a DPoP proof carries it. */
  bareJwk: JsonWebKey;
  alg: 'RS256' | 'ES256';
}

export function makeTestKey(kind: 'rsa' | 'ec' = 'rsa', kid: string = randomUUID()): TestKey {
  const { privateKey, publicKey } =
    kind === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const bareJwk = publicKey.export({ format: 'jwk' });
  return {
    privateKey,
    publicJwk: { ...bareJwk, kid, use: 'sig' },
    bareJwk,
    alg: kind === 'rsa' ? 'RS256' : 'ES256',
  };
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS, as any JOSE library would make it (ECDSA signatures as r||s). */
export function signJwt(
  key: TestKey,
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
): string {
  const input = `${part({ alg: key.alg, ...header })}.${part(claims)}`;
  const signature = sign('sha256', Buffer.from(input), {
    key: key.privateKey,
    ...(key.alg === 'ES256' ? { dsaEncoding: 'ieee-p1363' as const } : {}),
  });
  return `${input}.${signature.toString('base64url')}`;
}

/** A client assertion for `clientId` at `tokenUrl`, valid for five minutes from `nowS`. */
export const clientAssertion = (
  key: TestKey,
  clientId: string,
  tokenUrl: string,
  nowS = Math.floor(Date.now() / 1000),
  overrides: Record<string, unknown> = {},
) =>
  signJwt(
    key,
    { kid: key.publicJwk.kid },
    {
      iss: clientId,
      sub: clientId,
      aud: tokenUrl,
      iat: nowS,
      exp: nowS + 300,
      jti: randomUUID(),
      ...overrides,
    },
  );

/** A DPoP proof for one request (RFC 9449), with the access token hash on API calls. */
export function dpopProof(
  key: TestKey,
  htm: string,
  htu: string,
  extra: { nonce?: string; accessToken?: string } = {},
): string {
  const ath = extra.accessToken && createHash('sha256').update(extra.accessToken).digest('base64url');
  return signJwt(
    key,
    { typ: 'dpop+jwt', jwk: key.bareJwk },
    {
      htm,
      htu,
      iat: Math.floor(Date.now() / 1000),
      jti: randomUUID(),
      ...(extra.nonce ? { nonce: extra.nonce } : {}),
      ...(ath ? { ath } : {}),
    },
  );
}
