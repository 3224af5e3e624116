import { describe, expect, it } from 'vitest';
import { decodeDelivery } from '../../../../shared/okta/envelope';
import { sampleBody } from './try-commands';

describe('the Try it delivery', () => {
  it('is shaped as Okta sends one, so the first request a newcomer sends is not flagged', () => {
    const decoded = decodeDelivery(sampleBody(new Date('2026-12-04T10:00:00Z')));
    expect(decoded.problems).toEqual([]);
    expect(decoded.okta.events).toHaveLength(1);
  });
});
