import { describe, expect, it } from 'vitest';
import { countdown } from './countdown';

describe('countdown', () => {
  it('counts Okta’s budget down from the arrival to the deadline', () => {
    expect(countdown(1000, 3750, 1000)).toEqual({
      label: '2.8 s',
      fraction: 1,
      expired: false,
      urgent: false,
    });
    expect(countdown(1000, 3750, 3000)).toMatchObject({ label: '0.8 s', urgent: true, expired: false });
    expect(countdown(1000, 3750, 3750)).toMatchObject({ label: '0.0 s', fraction: 0, expired: true });
    expect(countdown(1000, 3750, 9000)).toMatchObject({ label: '0.0 s', expired: true });
  });

  it('a clock behind the arrival shows the whole budget, never more', () => {
    expect(countdown(1000, 3750, 500).fraction).toBe(1);
  });
});
