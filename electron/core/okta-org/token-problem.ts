import type { OktaProblem } from '../../../shared/model/okta';

/** An OAuth 2.0 error answer of the org authorization server. */
export interface OAuthError {
  error: string;
  description: string;
}

/** What the inspector knows when it explains a refused token request. */
export interface TokenContext {
  clientId: string;
  kid: string | null;
  /** The scopes asked for, or those missing from the answer. */
  scopes: string[];
  /** Okta's clock minus ours (from its `Date` header), when Okta sent one. */
  skewMs: number | null;
}

const problem = (kind: OktaProblem['kind'], message: string, at: number): OktaProblem => ({
  kind,
  message,
  at,
});

function clockSkew(skewMs: number | null): string {
  if (skewMs === null || Math.abs(skewMs) < 30_000) return "this computer's clock and Okta's disagree";
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  const amount = minutes >= 1 ? `${minutes} min` : `${Math.round(Math.abs(skewMs) / 1000)} s`;
  return `this computer's clock is ${amount} ${skewMs > 0 ? 'behind' : 'ahead of'} Okta's`;
}

/** Not granted (or not asked for): the scopes by name, and where an admin grants them. */
export function notGranted(scopes: string[], said: string, at: number): OktaProblem {
  const them = scopes.length > 1 ? 'them' : 'it';
  return problem(
    'permission',
    `This needs ${scopes.join(' and ')}, which the service app has not been granted${said}. In the Admin Console, open the app → Okta API Scopes and grant ${them}; or connect without the feature that needs ${them}.`,
    at,
  );
}

const RULES: { test: RegExp; explain: (said: string, c: TokenContext, at: number) => OktaProblem }[] = [
  {
    test: /kid is invalid|signature is invalid|JWKSet|signing key/,
    explain: (said, c, at) =>
      problem(
        'token',
        `Okta does not accept this key for client ${c.clientId}${said}. Register its public key${c.kid ? ` (kid ${c.kid})` : ''} under the app's General → Client Credentials → Public keys, or paste the private key of a key registered there.`,
        at,
      ),
  },
  {
    test: /not a valid client_id|client_id|Client authentication failed/,
    explain: (said, c, at) =>
      problem(
        'token',
        `Okta has no service app with client ID ${c.clientId} in this org${said}. Copy the client ID from the app's General tab.`,
        at,
      ),
  },
  {
    test: /expired|issued before the current time|too far into the future|issued in the future|in the past/,
    explain: (said, c, at) =>
      problem(
        'token',
        `Okta refused the signed request as out of date${said}: ${clockSkew(c.skewMs)}. Let the system set the clock automatically, then connect again.`,
        at,
      ),
  },
  {
    test: /private_key_jwt|token_endpoint_auth_method|application_type/,
    explain: (said, _c, at) =>
      problem(
        'token',
        `Okta refused the sign-in method${said}: create an API Services app whose client authentication is Public key / Private key.`,
        at,
      ),
  },
];

/**
 * A refused token request in Okta's terms (https://developer.okta.com/docs/reference/error-codes/):
 * the key not registered, the client unknown, the clock off, the scopes not granted.
 */
export function explainTokenError(
  refusal: OAuthError | null,
  status: number,
  context: TokenContext,
  at: number,
): OktaProblem {
  const said = refusal ? ` (${refusal.error}: ${refusal.description})` : ` (HTTP ${status})`;
  if (refusal?.error === 'consent_required' || refusal?.error === 'invalid_scope') {
    return notGranted(context.scopes, said, at);
  }
  const rule = refusal ? RULES.find(({ test }) => test.test(refusal.description)) : undefined;
  if (rule) return rule.explain(said, context, at);
  if (status === 429)
    return problem('rate-limited', `Okta's rate limit for the token endpoint is used up${said}.`, at);
  return problem(
    status >= 500 || status === 0 ? 'okta-error' : 'token',
    `Okta refused the access token request${said}.`,
    at,
  );
}
