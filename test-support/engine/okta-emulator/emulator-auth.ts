import { accessDenied, invalidSession, invalidToken } from './emulator-errors';
import type { EmulatorTokenServer } from './emulator-token';
import type { Answer, Call, EmulatorToken, Role } from './emulator-routes';

/** Who makes an API call: the admin behind an API token, or a service app with its scopes. */
export interface Principal {
  role: Role;
  /** Null for an API token: it carries every right of its admin. */
  scopes: string[] | null;
  /** The API token's id, which the System Log names (`transaction.detail.requestApiTokenId`). */
  apiTokenId: string | null;
  clientId: string | null;
}

export interface Presented {
  authorization: string | undefined;
  dpop: string | undefined;
  method: string;
  /** The org's URL of the endpoint, without query: what a DPoP proof's `htu` names. */
  htu: string;
}

const challenge = (realm: string, error: string, description: string, extra = '') =>
  `Bearer authorization_uri="${realm}/oauth2/v1/authorize", realm="IdpRealm"${extra}, error="${error}", error_description="${description}"`;

const withHeader = (answer: Answer, name: string, value: string): Answer => ({
  ...answer,
  headers: [[name, value]],
});

/**
 * Whether a call may use an operation needing `scope`: an OAuth caller's scopes first, then the
 * admin role behind the token or app (reading needs any admin role, changing a super admin).
 */
export function refuse(call: Call, scope: string): Answer | null {
  const missing = call.lacksScope(scope);
  if (missing) return missing;
  const { role } = call.principal;
  const allowed = scope.endsWith('.read') ? role !== 'none' : role === 'super-admin';
  return allowed ? null : accessDenied();
}

/**
 * How the Management and System Log APIs tell callers apart: `SSWS` API tokens, `Bearer` and
 * `DPoP` access tokens of the org authorization server, and nothing at all (403 E0000005).
 * https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/
 */
export class EmulatorAuth {
  constructor(
    private readonly realm: string,
    private readonly tokens: EmulatorToken[],
    private readonly oauth: EmulatorTokenServer,
    private readonly now: () => number,
  ) {}

  identify(presented: Presented): Principal | Answer {
    const header = presented.authorization;
    if (header === undefined || header.trim() === '') return invalidSession();
    const [scheme = '', value = ''] = header.split(/\s+/, 2);
    if (scheme === 'SSWS') return this.apiToken(value);
    if (scheme === 'Bearer' || scheme === 'DPoP') return this.accessToken(scheme, value, presented);
    return invalidToken();
  }

  /** An OAuth caller needs `scope` (or its `.manage` sibling, which includes reading). */
  lacksScope(principal: Principal, scope: string): Answer | null {
    if (principal.scopes === null) return null;
    const manage = scope.replace(/\.read$/, '.manage');
    if (principal.scopes.includes(scope) || principal.scopes.includes(manage)) return null;
    const description = 'The access token provided does not contain the required scopes.';
    const extra = `, scope="${scope}"`;
    return withHeader(
      accessDenied(),
      'WWW-Authenticate',
      challenge(this.realm, 'insufficient_scope', description, extra),
    );
  }

  private apiToken(value: string): Principal | Answer {
    const token = this.tokens.find((candidate) => candidate.value === value);
    if (!token || token.expiresAt <= this.now()) return invalidToken();
    // Every call renews a token's 30-day window (https://developer.okta.com/docs/guides/create-an-api-token/).
    if (!token.fixedExpiry) token.expiresAt = this.now() + token.windowMs;
    return { role: token.role, scopes: null, apiTokenId: token.id, clientId: null };
  }

  private accessToken(scheme: string, value: string, presented: Presented): Principal | Answer {
    const issued = this.oauth.issued.get(value);
    if (!issued) return invalidToken();
    if (issued.expiresAt <= this.now()) {
      return withHeader(
        invalidToken(),
        'WWW-Authenticate',
        challenge(this.realm, 'invalid_token', 'The token has expired.'),
      );
    }
    if (issued.jkt !== null && scheme !== 'DPoP') {
      return dpopRefusal(
        'invalid_request',
        'The resource request must use the DPoP authentication scheme when using a DPoP bound token.',
      );
    }
    if (issued.jkt === null && scheme === 'DPoP') {
      return withHeader(
        invalidToken(),
        'WWW-Authenticate',
        challenge(this.realm, 'invalid_token', 'The presented access_token is not DPoP bound.'),
      );
    }
    if (issued.jkt !== null) {
      const proof = this.oauth.dpop.check(presented.dpop, {
        htm: presented.method,
        htu: presented.htu,
        accessToken: value,
      });
      if (!proof.ok) return dpopRefusal(proof.error, proof.description);
      if (proof.jkt !== issued.jkt)
        return dpopRefusal('invalid_dpop_proof', 'The access_token is not bound to the provided DPoP proof.');
    }
    return { role: issued.app.role, scopes: issued.scopes, apiTokenId: null, clientId: issued.app.clientId };
  }
}

/** RFC 9449 §7.1: the resource answers 401 with a `DPoP` challenge naming what was wrong. */
const dpopRefusal = (error: string, description: string): Answer =>
  withHeader(invalidToken(), 'WWW-Authenticate', `DPoP error="${error}", error_description="${description}"`);
