import { describe, expect, it } from 'vitest';
import { checkAuth } from './auth-check';

const SECRET = 'Basic b2t0YS1ob29rOnMzY3IzdC1kZXYtb25seQ==';
const rules = { authHeader: 'Authorization', requiredHeaders: [] };

describe('checkAuth', () => {
  it('accepts the exact value, case-insensitively by header name', () => {
    expect(checkAuth([['authorization', SECRET]], rules, SECRET)).toEqual({
      result: 'ok',
      header: 'Authorization',
    });
  });

  it('marks not-configured when there is no secret', () => {
    expect(checkAuth([], rules, null).result).toBe('not-configured');
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
      rules,
      SECRET,
    );
    expect(check.result).not.toBe('ok');
    expect(check.message).toMatch(message);
    expect(check.message).not.toContain('b2t0');
  });

  it('explains a scheme prefix that the configured secret lacks', () => {
    const check = checkAuth([['Authorization', 'Bearer s3cret-value']], rules, 's3cret-value');
    expect(check).toMatchObject({
      result: 'mismatch',
      message: expect.stringMatching(/starts with "Bearer"/),
    });
    expect(check.message).not.toContain('s3cret');
  });

  describe('custom headers (channel.config.headers)', () => {
    const withTenant = {
      authHeader: 'Authorization',
      requiredHeaders: [{ name: 'X-Tenant-Hint', value: 'dev-000000' }],
    };

    it('accepts them when present with their values, also without a secret', () => {
      const headers: [string, string][] = [
        ['Authorization', SECRET],
        ['x-tenant-hint', 'dev-000000'],
      ];
      expect(checkAuth(headers, withTenant, SECRET).result).toBe('ok');
      expect(checkAuth(headers, withTenant, null).result).toBe('not-configured');
    });

    it('rejects a missing or different custom header and names it', () => {
      expect(checkAuth([['Authorization', SECRET]], withTenant, SECRET)).toMatchObject({
        result: 'missing',
        header: 'X-Tenant-Hint',
        message: expect.stringMatching(/X-Tenant-Hint is missing/),
      });
      expect(
        checkAuth(
          [
            ['Authorization', SECRET],
            ['X-Tenant-Hint', 'prod'],
          ],
          withTenant,
          SECRET,
        ),
      ).toMatchObject({
        result: 'mismatch',
        message: expect.stringMatching(/"prod", not "dev-000000"/),
      });
    });

    it('reports the secret first when both are wrong', () => {
      expect(checkAuth([], withTenant, SECRET)).toMatchObject({ result: 'missing', header: 'Authorization' });
    });
  });
});
