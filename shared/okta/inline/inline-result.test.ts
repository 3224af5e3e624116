import { describe, expect, it } from 'vitest';
import { deliveryResult } from '../outcome-key';

describe('an inline call on the timeline', () => {
  const call = (outcome: 'applied' | 'error' | 'default' | 'failed', durationMs = 40) =>
    deliveryResult({ kind: 'inline', status: 200, durationMs, inline: { type: 'token', outcome } });

  it('is accepted when Okta uses the answer, failed when it cannot, timed out past 3 s', () => {
    expect(call('applied')).toBe('accepted');
    expect(call('default')).toBe('accepted');
    expect(call('error')).toBe('accepted');
    expect(call('failed')).toBe('failed');
    expect(call('applied', 3200)).toBe('timed-out');
  });
});
