import type { HeaderList } from '../../../shared/model/exchange';
import type { RateLimitState } from '../../../shared/model/okta';

const values = (headers: HeaderList, name: string): string[] =>
  headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);

const LINK = /<([^>]*)>\s*;([^,<]*)/g;

/**
 * The `rel="next"` URL of Okta's `Link` headers (https://developer.okta.com/docs/reference/core-okta-api/#link-header): Okta sends `self` and `next`
 * as separate headers, and either form (one header, comma-joined) is read here.
 */
export function nextLink(headers: HeaderList): string | null {
  for (const value of values(headers, 'link')) {
    for (const match of value.matchAll(LINK)) {
      const params = match[2] ?? '';
      if (/\brel\s*=\s*"?next"?/i.test(params)) return match[1] ?? null;
    }
  }
  return null;
}

const integer = (text: string | undefined): number | null => {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return null;
  return Number(text);
};

/** `X-Rate-Limit-Limit/Remaining/Reset` (Reset in UTC epoch seconds, https://developer.okta.com/docs/reference/rl2-monitor/#confirm-you-re-hitting-a-rate-limit). */
export function rateLimitOf(headers: HeaderList): RateLimitState | null {
  const limit = integer(values(headers, 'x-rate-limit-limit')[0]);
  const remaining = integer(values(headers, 'x-rate-limit-remaining')[0]);
  const reset = integer(values(headers, 'x-rate-limit-reset')[0]);
  if (limit === null || remaining === null || reset === null) return null;
  return { limit, remaining, resetAt: reset * 1000 };
}

export const requestIdOf = (headers: HeaderList): string | null =>
  values(headers, 'x-okta-request-id')[0] ?? null;
