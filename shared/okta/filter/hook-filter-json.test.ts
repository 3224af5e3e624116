import { describe, expect, it } from 'vitest';
import { fromOktaFilter, sameEntries, toOktaFilter } from './hook-filter-json';

const SALES =
  "event.target.?[type eq 'UserGroup'].size()>0 && event.target.?[displayName eq 'Sales'].size()>0";

describe("a hook's events.filter", () => {
  it('is written as the EventHook API example has it, and read back', () => {
    const entries = [{ eventType: 'group.user_membership.add', expression: SALES }];
    const json = toOktaFilter(entries);
    expect(json).toEqual({
      type: 'EXPRESSION_LANGUAGE',
      eventFilterMap: [{ event: 'group.user_membership.add', condition: { expression: SALES } }],
    });
    expect(fromOktaFilter(json)).toEqual(entries);
    expect(toOktaFilter([])).toBeNull();
  });

  it('is read permissively: the read-only version, unknown fields and broken entries are ignored', () => {
    const read = fromOktaFilter({
      type: 'EXPRESSION_LANGUAGE',
      extra: true,
      eventFilterMap: [
        { event: 'group.user_membership.add', condition: { version: null, expression: SALES } },
        { event: 'user.session.start' },
        { condition: { expression: 'true' } },
        null,
      ],
    });
    expect(read).toEqual([{ eventType: 'group.user_membership.add', expression: SALES }]);
    expect(fromOktaFilter(null)).toBeNull();
    expect(fromOktaFilter({ eventFilterMap: [] })).toBeNull();
    expect(fromOktaFilter('EXPRESSION_LANGUAGE')).toBeNull();
  });

  it('compares what was sent with what Okta saved, in any order', () => {
    const a = { eventType: 'a', expression: 'true' };
    const b = { eventType: 'b', expression: 'false' };
    expect(sameEntries([a, b], [b, a])).toBe(true);
    expect(sameEntries([a], null)).toBe(false);
    expect(sameEntries(null, [])).toBe(true);
  });
});
