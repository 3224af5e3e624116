import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { HeaderList } from '../../../shared/model/exchange';
import type { OktaProblem } from '../../../shared/model/okta';
import { asRecord, asText } from '../../../shared/okta/json-access';
import type { Clock } from '../deps';
import type { HttpTransport, TransportResult } from '../http/http-transport';
import { publicJwk, signJwt, tokenHash } from './jose';
import { explainTransport } from './okta-problem';
import type { SigningKey } from './service-app-key';
import { explainTokenError, notGranted, type OAuthError } from './token-problem';

export interface TokenSourceOptions {
  /** `https://dev-123456.okta.com`: the audience of assertions and the `htu` of proofs. */
  org: string;
  /** Where the token endpoint is called: the org, or a loopback emulator in tests. */
  baseUrl: string;
  clientId: string;
  signing: SigningKey;
  scopes: string[];
  transport: HttpTransport;
  clock: Clock;
}

export interface AccessToken {
  value: string;
  /** `DPoP` when the token is bound to this run's DPoP key. */
  type: 'Bearer' | 'DPoP';
  scopes: string[];
  expiresAt: number;
}

export type Minted =
  | { ok: true; token: AccessToken }
  | { ok: false; status: number; problem: OktaProblem; refusal: OAuthError | null };

/** A fresh token is fetched this long before the one held lapses (Okta's last one hour). */
const RENEW_BEFORE_MS = 5 * 60_000;
/** Assertions live five minutes: long enough for a slow network, short against replay. */
const ASSERTION_LIFETIME_S = 300;
const TIMEOUT_MS = 20_000;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const refusalOf = (json: unknown): OAuthError | null => {
  const body = asRecord(json);
  const error = asText(body?.error);
  return error === undefined ? null : { error, description: asText(body?.error_description) ?? '' };
};

const headerOf = (headers: HeaderList, name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];

/**
 * Access tokens for a service app from the org authorization server: client credentials with a
 * `private_key_jwt` assertion, only the scopes asked for, held in memory and renewed before they
 * lapse; DPoP-bound (with Okta's nonce) when the app requires it.
 * https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/
 * https://developer.okta.com/docs/guides/dpop/
 */
export class TokenSource {
  private current: AccessToken | null = null;
  private minting: Promise<Minted> | null = null;
  private dpopKey: KeyObject | null = null;
  private nonce: string | null = null;

  constructor(private readonly options: TokenSourceOptions) {}

  get usesDpop(): boolean {
    return this.dpopKey !== null;
  }

  /** The token held, or a new one when it is missing or about to lapse. */
  token(): Promise<Minted> {
    const held = this.current;
    if (held && held.expiresAt - RENEW_BEFORE_MS > this.options.clock.now())
      return Promise.resolve({ ok: true, token: held });
    this.minting ??= this.mint().finally(() => (this.minting = null));
    return this.minting;
  }

  /** Okta refused the token held: the next call gets a new one. */
  invalidate(): void {
    this.current = null;
  }

  /** A DPoP proof for one call (RFC 9449 §4.2), naming the access token it comes with. */
  proof(method: string, htu: string, accessToken?: string): string {
    const key = this.dpopKey ?? this.newDpopKey();
    const claims: Record<string, unknown> = {
      htm: method,
      htu,
      iat: Math.floor(this.options.clock.now() / 1000),
      jti: randomUUID(),
    };
    if (accessToken !== undefined) claims.ath = tokenHash(accessToken);
    else if (this.nonce !== null) claims.nonce = this.nonce;
    return signJwt(key, 'ES256', { typ: 'dpop+jwt', jwk: publicJwk(key) }, claims);
  }

  private newDpopKey(): KeyObject {
    // Kept in memory for this run only: a DPoP key never needs to outlive its tokens.
    this.dpopKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    return this.dpopKey;
  }

  private assertion(): string {
    const { clientId, signing, org, clock } = this.options;
    const now = Math.floor(clock.now() / 1000);
    const header = signing.kid === null ? {} : { kid: signing.kid };
    const claims = {
      iss: clientId,
      sub: clientId,
      aud: `${org}/oauth2/v1/token`,
      iat: now,
      exp: now + ASSERTION_LIFETIME_S,
      jti: randomUUID(),
    };
    return signJwt(signing.key, signing.alg, header, claims);
  }

  private call(): Promise<TransportResult> {
    const { baseUrl, org, scopes, transport } = this.options;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: scopes.join(' '),
      client_assertion_type: JWT_BEARER,
      client_assertion: this.assertion(),
    });
    const headers: HeaderList = [
      ['Accept', 'application/json'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ];
    if (this.dpopKey) headers.push(['DPoP', this.proof('POST', `${org}/oauth2/v1/token`)]);
    const url = new URL('/oauth2/v1/token', baseUrl);
    return transport({
      url,
      method: 'POST',
      headers,
      body: Buffer.from(form.toString()),
      timeoutMs: TIMEOUT_MS,
      bodyLimit: 64 * 1024,
    });
  }

  /** Ask once; again with a DPoP key if the app requires one, and again with Okta's nonce. */
  private async mint(): Promise<Minted> {
    for (let attempt = 0; ; attempt += 1) {
      const result = await this.call();
      const now = this.options.clock.now();
      if (!result.ok)
        return {
          ok: false,
          status: 0,
          problem: explainTransport(result, new URL(this.options.baseUrl).host, now),
          refusal: null,
        };
      const json = parse(result.body);
      const refusal = result.status === 200 ? null : refusalOf(json);
      if (
        attempt < 2 &&
        refusal?.error === 'invalid_dpop_proof' &&
        /missing/.test(refusal.description) &&
        !this.dpopKey
      ) {
        this.newDpopKey();
        continue;
      }
      const nonce = headerOf(result.headers, 'dpop-nonce');
      if (attempt < 2 && refusal?.error === 'use_dpop_nonce' && nonce !== undefined) {
        this.nonce = nonce;
        continue;
      }
      return result.status === 200 ? this.granted(json, now) : this.refused(result, refusal, now);
    }
  }

  private granted(json: unknown, now: number): Minted {
    const body = asRecord(json);
    const value = asText(body?.access_token);
    const expiresIn = typeof body?.expires_in === 'number' ? body.expires_in : 3600;
    const scopes = (asText(body?.scope) ?? '').split(' ').filter((s) => s !== '');
    if (value === undefined)
      return {
        ok: false,
        status: 200,
        problem: { kind: 'okta-error', message: 'Okta answered the token request without a token.', at: now },
        refusal: null,
      };
    const missing = this.options.scopes.filter((scope) => !scopes.includes(scope));
    if (missing.length > 0)
      return { ok: false, status: 200, problem: notGranted(missing, '', now), refusal: null };
    const type = asText(body?.token_type) === 'DPoP' ? 'DPoP' : 'Bearer';
    this.current = { value, type, scopes, expiresAt: now + expiresIn * 1000 };
    return { ok: true, token: this.current };
  }

  private refused(result: TransportResult & { ok: true }, refusal: OAuthError | null, now: number): Minted {
    const date = Date.parse(headerOf(result.headers, 'date') ?? '');
    const context = {
      clientId: this.options.clientId,
      kid: this.options.signing.kid,
      scopes: this.options.scopes,
      skewMs: Number.isNaN(date) ? null : date - now,
    };
    return {
      ok: false,
      status: result.status,
      problem: explainTokenError(refusal, result.status, context, now),
      refusal,
    };
  }
}

function parse(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
