import { randomBytes, type JsonWebKey } from 'node:crypto';
import { DpopChecker } from './emulator-dpop';
import { oktaId } from './emulator-errors';
import type { HeaderPairs } from './emulator-http';
import { parseJwt, signedBy, supportedAlg, type ParsedJwt } from './emulator-jose';
import type { Role } from './emulator-routes';

/** An API Services app with Public key / Private key client authentication. */
export interface EmulatorApp {
  clientId: string;
  /** Public keys registered in Okta (each with its `kid`). */
  keys: JsonWebKey[];
  /** The app's Okta API Scopes grants. */
  grants: string[];
  /** The admin role assigned to the app. */
  role: Role;
  /** "Require Demonstrating Proof of Possession (DPoP) header in token requests". */
  requireDpop: boolean;
}

export interface IssuedToken {
  app: EmulatorApp;
  scopes: string[];
  expiresAt: number;
  /** The DPoP key thumbprint the token is bound to (`cnf.jkt`), or null for a Bearer token. */
  jkt: string | null;
}

/** An OAuth 2.0 error answer of the org authorization server. */
export interface OAuthError {
  status: number;
  body: { error: string; error_description: string };
  headers?: HeaderPairs;
}

export type TokenAnswer = { status: 200; body: Record<string, unknown>; headers?: HeaderPairs } | OAuthError;

const oauthError = (
  status: number,
  error: string,
  description: string,
  headers?: HeaderPairs,
): OAuthError => ({
  status,
  body: { error, error_description: description },
  ...(headers ? { headers } : {}),
});
const badClient = (description: string) => oauthError(401, 'invalid_client', description);

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Tokens of the org authorization server live one hour, fixed. */
const TOKEN_LIFETIME_S = 3600;
const LEEWAY_S = 60;

/**
 * The org authorization server's `POST /oauth2/v1/token` for service apps: client credentials
 * with a `private_key_jwt` assertion, Okta scopes from the app's grants, DPoP where the app
 * requires it. https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/
 */
export class EmulatorTokenServer {
  readonly apps = new Map<string, EmulatorApp>();
  readonly issued = new Map<string, IssuedToken>();
  readonly dpop: DpopChecker;
  private readonly usedAssertions = new Set<string>();

  constructor(
    private readonly tokenUrl: string,
    private readonly now: () => number,
  ) {
    this.dpop = new DpopChecker(now);
  }

  addApp(seed: Partial<EmulatorApp>): EmulatorApp {
    const app: EmulatorApp = {
      clientId: seed.clientId ?? oktaId('0oa'),
      keys: seed.keys ?? [],
      grants: seed.grants ?? ['okta.eventHooks.manage', 'okta.logs.read', 'okta.inlineHooks.manage'],
      role: seed.role ?? 'super-admin',
      requireDpop: seed.requireDpop ?? false,
    };
    this.apps.set(app.clientId, app);
    return app;
  }

  token(form: URLSearchParams, dpopProof: string | undefined): TokenAnswer {
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported.');
    }
    const client = this.authenticate(form);
    if ('status' in client) return client;
    let jkt: string | null = null;
    if (client.requireDpop || dpopProof !== undefined) {
      const proof = this.dpop.check(dpopProof, { htm: 'POST', htu: this.tokenUrl, nonce: this.dpop.nonce });
      if (!proof.ok) {
        const headers: HeaderPairs | undefined =
          proof.error === 'use_dpop_nonce' ? [['DPoP-Nonce', this.dpop.nonce]] : undefined;
        return oauthError(400, proof.error, proof.description, headers);
      }
      jkt = proof.jkt;
    }
    return this.grant(client, form.get('scope'), jkt);
  }

  private grant(app: EmulatorApp, scope: string | null, jkt: string | null): TokenAnswer {
    const requested = (scope ?? '').split(' ').filter((s) => s !== '');
    if (requested.length === 0) return oauthError(400, 'invalid_scope', 'No scopes were requested.');
    const foreign = requested.filter((s) => !s.startsWith('okta.'));
    if (foreign.length > 0)
      return oauthError(400, 'invalid_scope', 'Custom scopes are not allowed for this request.');
    // Each requested scope found in the app's grants is granted; the others are left out.
    const scopes = requested.filter((s) => app.grants.includes(s));
    if (scopes.length === 0) {
      return oauthError(400, 'consent_required', 'You are not allowed any of the requested scopes.');
    }
    const accessToken = randomBytes(32).toString('base64url');
    this.issued.set(accessToken, { app, scopes, expiresAt: this.now() + TOKEN_LIFETIME_S * 1000, jkt });
    return {
      status: 200,
      body: {
        token_type: jkt === null ? 'Bearer' : 'DPoP',
        expires_in: TOKEN_LIFETIME_S,
        access_token: accessToken,
        scope: scopes.join(' '),
      },
    };
  }

  /** The client assertion checks, in Okta's words (https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/). */
  private authenticate(form: URLSearchParams): EmulatorApp | OAuthError {
    const assertion = form.get('client_assertion');
    if (assertion === null) return badClient('No client credentials found.');
    if (form.get('client_assertion_type') !== JWT_BEARER) {
      return oauthError(400, 'invalid_request', 'The client_assertion_type is invalid.');
    }
    const jwt = parseJwt(assertion);
    if (!jwt) return badClient('The parsing of the client_assertion failed.');
    const app = this.apps.get(String(jwt.claims.iss));
    if (!app) return badClient('The issuer claim for client_assertion is not a valid client_id.');
    if (jwt.claims.sub !== app.clientId) {
      return badClient('The subject claim for client_assertion is not a valid client_id.');
    }
    if (jwt.claims.aud !== this.tokenUrl) {
      return badClient(
        'The audience claim for client_assertion must be the endpoint invoked for the request.',
      );
    }
    return this.timely(jwt) ?? this.signed(jwt, app) ?? this.fresh(jwt) ?? app;
  }

  private timely({ claims }: ParsedJwt): OAuthError | null {
    const nowS = this.now() / 1000;
    if (typeof claims.exp !== 'number') {
      return badClient("The client_assertion must contain the 'exp' claim as seconds since epoch.");
    }
    if (claims.exp <= nowS) return badClient('The client_assertion token is expired.');
    if (claims.exp > nowS + TOKEN_LIFETIME_S + LEEWAY_S) {
      return badClient('The client_assertion token has an expiration too far into the future.');
    }
    if (typeof claims.iat === 'number' && claims.iat > nowS + LEEWAY_S) {
      return badClient('The client_assertion token must be issued before the current time.');
    }
    return null;
  }

  private signed(jwt: ParsedJwt, app: EmulatorApp): OAuthError | null {
    if (!supportedAlg(jwt.header.alg))
      return badClient('The client_assertion JWT signature algorithm is invalid.');
    const kid = jwt.header.kid;
    const candidates = kid === undefined ? app.keys : app.keys.filter((key) => key.kid === kid);
    if (candidates.length === 0) return badClient('The client_assertion JWT kid is invalid.');
    return candidates.some((key) => signedBy(jwt, key))
      ? null
      : badClient('The client_assertion signature is invalid.');
  }

  private fresh({ claims }: ParsedJwt): OAuthError | null {
    if (typeof claims.jti !== 'string') return null;
    if (this.usedAssertions.has(claims.jti))
      return badClient('The client_assertion token has already been used.');
    this.usedAssertions.add(claims.jti);
    return null;
  }
}
