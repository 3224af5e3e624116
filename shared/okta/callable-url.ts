/**
 * Okta's event hooks are "HTTPS REST calls" to "an internet-accessible endpoint"
 * (https://developer.okta.com/docs/concepts/event-hooks/): never plain http, and never an
 * address that only this machine or its network can reach.
 */

/** Scheme and host (an IPv6 literal keeps its brackets), past any user info. */
const SCHEME_AND_HOST = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)/i;
const LOCAL_NAME = /^(localhost|.+\.localhost|.+\.local)$/i;
const PRIVATE_V4 = [
  /^127\./,
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^0\.0\.0\.0$/,
];
/** Loopback, unique-local (fc00::/7) and link-local (fe80::/10) IPv6. */
const PRIVATE_V6 = /^\[(::1?|f[cd][0-9a-f]{2}:.*|fe[89ab][0-9a-f]:.*)\]$/i;

const isPrivateHost = (host: string) =>
  LOCAL_NAME.test(host) || PRIVATE_V4.some((range) => range.test(host)) || PRIVATE_V6.test(host);

/** Why Okta would not call `url`, as the end of a sentence; null when it would. */
export function whyOktaCannotCall(url: string): string | null {
  const parts = SCHEME_AND_HOST.exec(url);
  const [, scheme = '', host = ''] = parts ?? [];
  if (host === '') return 'it is not a URL';
  if (isPrivateHost(host)) return `${host} is only reachable from here`;
  if (scheme.toLowerCase() !== 'https') return 'it is plain http';
  return null;
}
