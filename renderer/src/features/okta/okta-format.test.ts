import { describe, expect, it } from 'vitest';
import type { OktaState } from '../../../../shared/model/okta';
import { expiryText, orgTone } from './okta-format';

const NOW = Date.parse('2026-11-26T10:00:00Z');

describe('okta-format', () => {
  it('says when the token lapses, and how sure it is', () => {
    expect(
      expiryText(
        {
          state: 'known',
          expiresAt: '2026-11-29T10:00:00.000Z',
          tokenName: 'ci',
          how: 'only-token',
          warn: true,
        },
        NOW,
      ),
    ).toMatch(/^Token “ci” expires 2026-11-29 \d\d:00 \(in 3 days\)/);
    expect(
      expiryText({ state: 'ambiguous', candidates: 3, earliestExpiresAt: null, warn: false }, NOW),
    ).toMatch(/One of 3 API tokens/);
  });

  it('colours the org by what needs attention', () => {
    const base = {
      connection: { status: 'connected', problem: null, tokenExpiry: null },
      urlChange: null,
    } as unknown as OktaState;
    expect(orgTone(null)).toBe('off');
    expect(orgTone(base)).toBe('ok');
    expect(orgTone({ ...base, urlChange: { to: 'x', hooks: [] } })).toBe('warn');
    expect(orgTone({ ...base, connection: { ...base.connection, status: 'failing' } })).toBe('bad');
  });
});
