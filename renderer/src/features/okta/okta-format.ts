import type { OktaState, TokenExpiry } from '../../../../shared/model/okta';
import { parseOktaTime } from '../../../../shared/okta/timestamps';
import { formatClock, formatDateTime, formatDuration } from '../../ui/format';

export const shortDomain = (domain: string) => domain.replace(/^https:\/\//, '');

function until(iso: string, now: number): string {
  const at = parseOktaTime(iso);
  if (at === null) return iso;
  const left = at - now;
  return `${formatDateTime(at).slice(0, 16)} (${left <= 0 ? 'expired' : `in ${formatDuration(left)}`})`;
}

/** When the API token lapses, as far as Okta tells (https://developer.okta.com/docs/guides/create-an-api-token/main/#token-expiration-and-deactivation). */
export function expiryText(expiry: TokenExpiry, now: number): string {
  switch (expiry.state) {
    case 'known':
      return `Token “${expiry.tokenName}” expires ${until(expiry.expiresAt, now)}; each use renews it.`;
    case 'ambiguous':
      return expiry.earliestExpiresAt === null
        ? `One of ${expiry.candidates} API tokens; Okta names it once the inspector changes a hook.`
        : `One of ${expiry.candidates} API tokens; the first of them expires ${until(expiry.earliestExpiresAt, now)}.`;
    case 'unknown':
      return expiry.reason;
  }
}

export type OrgTone = 'off' | 'ok' | 'warn' | 'bad';

/** One colour for the org's state: grey unconnected, red failing, amber needing attention. */
export function orgTone(okta: OktaState | null): OrgTone {
  if (!okta || okta.connection.status === 'not-connected') return 'off';
  if (okta.connection.status === 'failing') return 'bad';
  const expiry = okta.connection.tokenExpiry;
  const warn = expiry !== null && expiry.state !== 'unknown' && expiry.warn;
  return warn || okta.urlChange !== null || okta.connection.problem !== null ? 'warn' : 'ok';
}

/** `14:03:27`: the poller's times, where milliseconds are noise. */
export const clockSeconds = (epochMs: number): string => formatClock(epochMs).slice(0, 8);

/** A System Log time (ISO-8601) as the list's local clock time. */
export function logClock(iso: string): string {
  const at = parseOktaTime(iso);
  return at === null ? iso : formatClock(at);
}
