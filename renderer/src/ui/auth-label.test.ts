import { describe, expect, it } from 'vitest';
import { authLabel } from './auth-label';

describe('authLabel', () => {
  it('says a live delivery was let in because no secret is configured', () => {
    expect(authLabel('not-configured', 'live')).toEqual({
      text: 'no secret',
      title: 'No secret is configured: every request is accepted',
    });
  });

  it('says an import without a check result was not checked, not that a secret is missing', () => {
    const label = authLabel('not-configured', 'imported');
    expect(label.text).toBe('unchecked');
    expect(label.title).toMatch(/^Imported: no secret was checked/);
  });

  it('keeps the result an import carries from where it was captured', () => {
    expect(authLabel('mismatch', 'imported').text).toBe('bad auth');
  });
});
