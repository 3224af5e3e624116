import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatcher, type StepMeter } from './glob';

/** The obvious reference: a regular expression (fine on short inputs). */
const reference = (pattern: string, text: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'is',
  ).test(text);

describe('globMatcher', () => {
  it('matches literally, with * as any run of characters, ignoring case', () => {
    const matches = (pattern: string, text: string) => globMatcher(pattern)(text);
    expect(matches('user.session.start', 'User.Session.Start')).toBe(true);
    expect(matches('user.session', 'user.session.start')).toBe(false);
    expect(matches('group.*', 'group.user_membership.add')).toBe(true);
    expect(matches('*.add', 'group.user_membership.add')).toBe(true);
    expect(matches('*user*session*', 'user.session.start')).toBe(true);
    expect(matches('*', '')).toBe(true);
    expect(matches('', '')).toBe(true);
    expect(matches('a*a', 'a')).toBe(false);
    expect(matches('u.s(e)?r', 'u.s(e)?r')).toBe(true);
    expect(matches('u.s(e)?r', 'u.ser')).toBe(false);
  });

  it('agrees with a regular expression on any pattern and text', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '.', '*', '(', '\n');
    const text = fc.string({ unit: alphabet, maxLength: 30 });
    fc.assert(
      fc.property(text, text, (pattern, subject) => {
        expect(globMatcher(pattern)(subject)).toBe(reference(pattern, subject));
      }),
    );
  });

  it('compares at most twice as many characters as the text has, whatever the pattern', () => {
    const meter: StepMeter = { steps: 0 };
    // The shape that made a regular expression backtrack for seconds: long, almost matching.
    const planted = `${'user'.repeat(60_000)}sessio`;
    expect(globMatcher('*user*session*')(planted, meter)).toBe(false);
    expect(meter.steps).toBeLessThanOrEqual(2 * planted.length);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '*'), maxLength: 20 }),
        fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 2000 }),
        (pattern, subject) => {
          const counted: StepMeter = { steps: 0 };
          globMatcher(pattern)(subject, counted);
          expect(counted.steps).toBeLessThanOrEqual(2 * subject.length);
        },
      ),
    );
  });
});
