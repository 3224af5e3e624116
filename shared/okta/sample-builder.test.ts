import { describe, expect, it } from 'vitest';
import { decodeDelivery } from './envelope';
import { EVENT_HOOK_ELIGIBLE_TYPES, isEventHookEligible } from './event-types';
import { buildSampleDelivery } from './sample-builder';
import { FEATURED_SAMPLE_TYPES } from './sample-templates';

let counter = 0;
const context = {
  now: Date.UTC(2026, 10, 26, 12, 0, 0),
  uuid: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  randomId: (length: number) => 'x'.repeat(length),
  hookId: 'who0sample0inspector',
};

describe('sample deliveries', () => {
  it('offers at least 15 common types, all of them eligible for event hooks', () => {
    expect(FEATURED_SAMPLE_TYPES.length).toBeGreaterThanOrEqual(15);
    expect(FEATURED_SAMPLE_TYPES.filter((type) => !isEventHookEligible(type))).toEqual([]);
    expect(EVENT_HOOK_ELIGIBLE_TYPES).toHaveLength(314);
  });

  it('builds, for every eligible type, a delivery that decodes without a single problem', () => {
    for (const type of EVENT_HOOK_ELIGIBLE_TYPES) {
      const { okta, problems } = decodeDelivery(JSON.stringify(buildSampleDelivery([type], context)));
      expect(problems, type).toEqual([]);
      expect(okta.events[0]?.eventType).toBe(type);
    }
  });

  it('batches several types with fresh ids, published in order before eventTime', () => {
    const body = buildSampleDelivery(
      ['user.lifecycle.create', 'group.user_membership.add', 'user.account.lock'],
      context,
    );
    const { okta } = decodeDelivery(JSON.stringify(body));
    expect(okta.events.map((e) => e.eventType)).toEqual([
      'user.lifecycle.create',
      'group.user_membership.add',
      'user.account.lock',
    ]);
    expect(new Set(okta.events.map((e) => e.uuid)).size).toBe(3);
    const published = okta.events.map((e) => Date.parse(e.published));
    expect(published).toEqual([...published].sort());
    expect(Math.max(...published)).toBeLessThan(Date.parse(okta.eventTime!));
    expect(okta.events[1]?.targets.map((t) => t.type)).toEqual(['User', 'UserGroup']);
    expect(okta.events[2]).toMatchObject({
      outcome: { result: 'FAILURE', reason: 'LOCKED_OUT' },
      targets: [],
    });
    expect(okta.hookId).toBe('who0sample0inspector');
  });
});
