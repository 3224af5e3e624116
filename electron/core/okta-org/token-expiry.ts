import type { TokenExpiry } from '../../../shared/model/okta';
import { parseOktaTime } from '../../../shared/okta/timestamps';
import type { ApiTokenInfo } from './okta-api';
import type { OktaResult } from './okta-client';

/** Warn this long before the token lapses. */
export const EXPIRY_WARNING_MS = 7 * 24 * 3600_000;

const warns = (expiresAt: string | null, now: number) => {
  const at = parseOktaTime(expiresAt ?? undefined);
  return at !== null && at - now < EXPIRY_WARNING_MS;
};

/**
 * When the connected token lapses (https://developer.okta.com/docs/guides/create-an-api-token/main/#token-expiration-and-deactivation). Okta lists token metadata but has no "which
 * token is this" call: the token is known when the org has only one, or when the System Log
 * named it (`requestApiTokenId`) on a change the inspector made; otherwise it stays ambiguous.
 */
export function tokenExpiry(
  listed: OktaResult<ApiTokenInfo[]>,
  ownTokenIds: ReadonlySet<string>,
  now: number,
): TokenExpiry {
  if (!listed.ok) {
    const reason =
      listed.problem.kind === 'permission'
        ? "The token's admin may not list API tokens (okta.apiTokens.read), so Okta does not say when it lapses."
        : `Okta did not list API tokens: ${listed.problem.message}`;
    return { state: 'unknown', reason: `${reason} Tokens lapse 30 days after their last use.` };
  }
  const tokens = listed.value;
  const named = tokens.filter((token) => ownTokenIds.has(token.id));
  const [only] = named.length === 1 ? named : tokens.length === 1 ? tokens : [];
  if (only?.expiresAt) {
    return {
      state: 'known',
      expiresAt: only.expiresAt,
      tokenName: only.name,
      how: named.length === 1 ? 'system-log' : 'only-token',
      warn: warns(only.expiresAt, now),
    };
  }
  if (tokens.length === 0) return { state: 'unknown', reason: 'Okta listed no API tokens with an expiry.' };
  const expiries = tokens
    .map((token) => token.expiresAt)
    .filter((at): at is string => at !== null)
    .sort((a, b) => (parseOktaTime(a) ?? 0) - (parseOktaTime(b) ?? 0));
  const earliest = expiries[0] ?? null;
  return {
    state: 'ambiguous',
    candidates: tokens.length,
    earliestExpiresAt: earliest,
    warn: warns(earliest, now),
  };
}
