import { describe, expect, it } from 'vitest';
import { checkAuth } from './auth-check';

const SECRET = 'Basic b2t0YS1ob29rOnMzY3IzdC1kZXYtb25seQ==';

describe('checkAuth', () => {
  it('accepts the exact value, case-insensitively by header name', () => {
    expect(checkAuth([['authorization', SECRET]], 'Authorization', SECRET)).toEqual({
      result: 'ok',
      header: 'Authorization',
    });
  });

  it('marks not-configured when there is no secret', () => {
    expect(checkAuth([], 'Authorization', null).result).toBe('not-configured');
  });

  it.each([
    ['missing', [], /has no Authorization header/],
    ['sent under another name', [['X-Okta-Secret', SECRET]], /arrived in the X-Okta-Secret header/],
    [
      'sent twice',
      [
        ['Authorization', SECRET],
        ['Authorization', SECRET],
      ],
      /sent 2 times/,
    ],
    ['with surrounding spaces', [['Authorization', ` ${SECRET} `]], /spaces around it/],
    [
      'without the configured Basic prefix',
      [['Authorization', SECRET.slice(6)]],
      /"Basic" prefix that the request lacks/,
    ],
    ['different', [['Authorization', 'Basic nope']], /does not match/],
  ] as const)('explains a value %s, without revealing the secret', (_case, headers, message) => {
    const check = checkAuth(
      headers.map(([n, v]) => [n, v]),
      'Authorization',
      SECRET,
    );
    expect(check.result).not.toBe('ok');
    expect(check.message).toMatch(message);
    expect(check.message).not.toContain('b2t0');
  });

  it('explains a scheme prefix that the configured secret lacks', () => {
    const check = checkAuth([['Authorization', 'Bearer s3cret-value']], 'Authorization', 's3cret-value');
    expect(check).toMatchObject({
      result: 'mismatch',
      message: expect.stringMatching(/starts with "Bearer"/),
    });
    expect(check.message).not.toContain('s3cret');
  });
});
