import { randomBytes } from 'node:crypto';
import type { HeaderList } from '../../../shared/model/exchange';
import type { Settings } from '../../../shared/model/settings';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random characters for Okta-style ids (request ids, `00u…` user ids). */
export const randomOktaId = (length: number) =>
  Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');

/**
 * The headers Okta sends with a delivery (https://developer.okta.com/docs/concepts/event-hooks/#http-headers), with this hook's secret and custom
 * headers, for deliveries the engine makes itself (samples, deliveries rebuilt from the log).
 */
export function deliveryHeaders(
  settings: Settings,
  secret: string | null,
  url: URL,
  length: number,
  userAgent: string,
): HeaderList {
  return [
    ['Host', url.host],
    ['Accept', 'application/json'],
    ['Content-Type', 'application/json'],
    ...(secret ? ([[settings.authHeader, secret]] as HeaderList) : []),
    ...settings.requiredHeaders.map(({ name, value }): [string, string] => [name, value]),
    ['User-Agent', userAgent],
    ['X-Okta-Request-Id', randomOktaId(27)],
    ['Content-Length', String(length)],
  ];
}
