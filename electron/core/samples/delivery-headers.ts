import { randomBytes } from 'node:crypto';
import type { HeaderList } from '../../../shared/model/exchange';
import type { Settings } from '../../../shared/model/settings';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random characters for Okta-style ids (request ids, `00u…` user ids). */
export const randomOktaId = (length: number) =>
  Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');

/**
 * The headers Okta sends when it calls a hook: JSON both ways, the hook's auth header and custom
 * headers, then `extra`, for calls the engine makes itself (samples, deliveries rebuilt from the
 * log).
 */
export function hookCallHeaders(
  settings: Settings,
  secret: string | null,
  url: URL,
  length: number,
  extra: HeaderList = [],
): HeaderList {
  return [
    ['Host', url.host],
    ['Accept', 'application/json'],
    ['Content-Type', 'application/json'],
    ...(secret ? ([[settings.authHeader, secret]] as HeaderList) : []),
    ...settings.requiredHeaders.map(({ name, value }): [string, string] => [name, value]),
    ...extra,
    ['Content-Length', String(length)],
  ];
}

/**
 * An event hook delivery's headers
 * (https://developer.okta.com/docs/concepts/event-hooks/#http-headers): a hook call's, with
 * Okta's user agent and a request id.
 */
export const deliveryHeaders = (
  settings: Settings,
  secret: string | null,
  url: URL,
  length: number,
  userAgent: string,
): HeaderList =>
  hookCallHeaders(settings, secret, url, length, [
    ['User-Agent', userAgent],
    ['X-Okta-Request-Id', randomOktaId(27)],
  ]);
