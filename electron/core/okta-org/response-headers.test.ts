import { describe, expect, it } from 'vitest';
import { nextLink, rateLimitOf } from './response-headers';

describe('Okta response headers', () => {
  it('finds rel="next" in separate or comma-joined Link headers', () => {
    const next = 'https://dev-1.okta.com/api/v1/logs?after=1234_1&limit=1000&filter=eventType%20sw%20%22x%22';
    expect(
      nextLink([
        ['link', '<https://dev-1.okta.com/api/v1/logs?limit=1000>; rel="self"'],
        ['link', `<${next}>; rel="next"`],
      ]),
    ).toBe(next);
    expect(nextLink([['Link', `<https://a/self>; rel="self", <${next}>; rel=next`]])).toBe(next);
    expect(nextLink([['Link', '<https://a/self>; rel="self"']])).toBeNull();
  });

  it('reads the rate-limit headers, Reset in epoch seconds', () => {
    const headers: [string, string][] = [
      ['X-Rate-Limit-Limit', '20'],
      ['X-Rate-Limit-Remaining', '3'],
      ['X-Rate-Limit-Reset', '1795000000'],
    ];
    expect(rateLimitOf(headers)).toEqual({ limit: 20, remaining: 3, resetAt: 1_795_000_000_000 });
    expect(rateLimitOf(headers.slice(1))).toBeNull();
  });
});
