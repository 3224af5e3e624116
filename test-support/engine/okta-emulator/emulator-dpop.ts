import type { JsonWebKey } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { accessTokenHash, parseJwt, signedBy, supportedAlg, thumbprint } from './emulator-jose';

/** What a DPoP proof must say about the request it comes with. */
export interface ProofExpectation {
  htm: string;
  /** The org's URL of the endpoint, without query (RFC 9449 §4.3). */
  htu: string;
  /** The resource side: the hash of the access token presented with the proof. */
  accessToken?: string;
  /** The token endpoint asks for its nonce (https://developer.okta.com/docs/guides/dpop/). */
  nonce?: string;
}

export type ProofCheck = { ok: true; jkt: string } | { ok: false; error: string; description: string };

const MAX_AGE_S = 5 * 60;
const LEEWAY_S = 60;

const invalid = (description: string): ProofCheck => ({
  ok: false,
  error: 'invalid_dpop_proof',
  description,
});

/**
 * DPoP proofs as the org checks them (https://developer.okta.com/docs/guides/dpop/): type,
 * algorithm, signature by the key in the header, method, URL, age, single use, the access token
 * hash on API calls and the server's nonce at the token endpoint; the error texts are Okta's.
 */
export class DpopChecker {
  readonly nonce = randomBytes(24).toString('base64url');
  private readonly seen = new Set<string>();

  constructor(private readonly now: () => number) {}

  check(proof: string | undefined, expected: ProofExpectation): ProofCheck {
    if (proof === undefined) return invalid('The DPoP proof JWT header is missing.');
    const jwt = parseJwt(proof);
    if (!jwt) return invalid('The DPoP proof JWT cannot be parsed.');
    if (jwt.header.typ !== 'dpop+jwt') return invalid("'typ' must be 'dpop+jwt' in the DPoP proof JWT.");
    if (!supportedAlg(jwt.header.alg)) return invalid('The DPoP proof JWT signature algorithm is invalid.');
    const jwk = jwt.header.jwk as JsonWebKey | undefined;
    if (typeof jwk !== 'object' || jwk === null || 'd' in jwk || !signedBy(jwt, jwk)) {
      return invalid('The DPoP proof JWT signature is invalid.');
    }
    const { htm, htu, iat, jti, ath, nonce } = jwt.claims;
    if (htm !== expected.htm) return invalid("'htm' claim in the DPoP proof JWT is invalid.");
    if (htu !== expected.htu) return invalid("'htu' claim in the DPoP proof JWT is invalid.");
    const nowS = this.now() / 1000;
    if (typeof iat !== 'number') return invalid("'iat' claim in the DPoP proof JWT is invalid.");
    if (iat > nowS + LEEWAY_S) return invalid('The DPoP proof JWT is issued in the future.');
    if (iat < nowS - MAX_AGE_S)
      return invalid('The DPoP proof JWT is issued more than five minutes in the past.');
    if (typeof jti !== 'string' || jti === '')
      return invalid("'jti' claim in the DPoP proof JWT is invalid.");
    if (expected.accessToken !== undefined && ath !== accessTokenHash(expected.accessToken)) {
      return invalid("'ath' claim in the DPoP proof does not match the presented access_token.");
    }
    if (expected.nonce !== undefined && nonce !== expected.nonce) {
      return {
        ok: false,
        error: 'use_dpop_nonce',
        description: 'Authorization server requires nonce in DPoP proof.',
      };
    }
    if (this.seen.has(jti)) return invalid('The DPoP proof JWT has already been used.');
    this.seen.add(jti);
    return { ok: true, jkt: thumbprint(jwk) };
  }
}
