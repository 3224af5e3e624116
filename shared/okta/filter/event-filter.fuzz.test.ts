import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membership } from '../../../test-support/shared/filter-events';
import { compileFilter, type EventVerdict } from './event-filter';
import { MAX_STEPS } from './el-evaluate';
import { EVENT_FIELDS, TARGET_FIELDS } from './filter-fields';

const WORDS = ['Sales', 'sales', 'UserGroup', 'User', 'SUCCESS', 'email', 'a', '', 'null', "O'Neil"];
const quoted = (word: string) => `'${word.replaceAll("'", "''")}'`;
const word = fc.constantFrom(...WORDS);
const text = fc.oneof(word, fc.constant(null), fc.constant(undefined), fc.integer(), fc.boolean());

/** Expressions inside the documented subset, built from its grammar. */
const targetCondition = fc.letrec<{ condition: string }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(fc.constantFrom(...TARGET_FIELDS), fc.constantFrom('eq', 'ne', '==', '!='), word)
      .map(([field, op, value]) => `${field} ${op} ${quoted(value)}`),
    fc.constantFrom(...TARGET_FIELDS).map((field) => `${field} == null`),
    fc
      .tuple(tie('condition'), fc.constantFrom('&&', '||'), tie('condition'))
      .map(([a, op, b]) => `(${a}) ${op} (${b})`),
    tie('condition').map((a) => `!(${a})`),
  ),
})).condition;

const eventField = fc.constantFrom(...EVENT_FIELDS.map((field) => `event.${field.path}`));

const leaf = fc.oneof(
  fc
    .tuple(eventField, fc.constantFrom('eq', 'ne', '==', '!=', '<', '>='), word)
    .map(([field, op, value]) => `${field} ${op} ${quoted(value)}`),
  eventField.map((field) => `${field} != null`),
  fc.tuple(eventField, word).map(([field, value]) => `${field}.contains(${quoted(value)})`),
  fc
    .tuple(targetCondition, fc.constantFrom('>', '==', '<=', '!='), fc.nat(3))
    .map(([condition, op, n]) => `event.target.?[${condition}].size() ${op} ${n}`),
  fc.constantFrom('true', 'false'),
);

const expression = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(tie('expression'), fc.constantFrom('&&', '||'), tie('expression'))
      .map(([a, op, b]) => `(${a}) ${op} (${b})`),
    tie('expression').map((a) => `!(${a})`),
  ),
})).expression;

const targetRecord = fc.record(
  { id: text, type: text, alternateId: text, displayName: text },
  { requiredKeys: [] },
);

/** LogEvents as they may arrive from anywhere: fields missing, null, of the wrong type. */
const event = fc.record(
  {
    eventType: text,
    outcome: fc.oneof(fc.constant(null), fc.record({ result: text, reason: text }, { requiredKeys: [] })),
    actor: fc.oneof(
      fc.constant(null),
      fc.record({ id: text, type: text, alternateId: text, displayName: text }),
    ),
    target: fc.oneof(
      fc.constant(null),
      fc.array(fc.oneof(targetRecord, fc.constant(null)), { maxLength: 4 }),
    ),
    debugContext: fc.record({ debugData: fc.record({ changedAttributes: text }, { requiredKeys: [] }) }),
  },
  { requiredKeys: [] },
);

/** SpEL's tokens and a few that are not, to shake the lexer and the parser. */
const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom('event', '.', 'target', '?[', '^[', '![', ']', '(', ')', '&&', '||', '!', 'eq', 'EQ'),
      fc.constantFrom(
        '==',
        '<',
        'size()',
        'contains(',
        "'",
        '"',
        ',',
        '#this',
        'T(',
        'new ',
        '{',
        '}',
        '?',
        ':',
      ),
      fc.constantFrom(
        'matches',
        'and',
        '1e5',
        '0x1F',
        '1L',
        '2147483648',
        'null',
        'true',
        '$[',
        '?.',
        '@',
        '=',
      ),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(' '));

const flip = (verdict: EventVerdict['verdict']) =>
  verdict === 'pass' ? 'drop' : verdict === 'drop' ? 'pass' : 'unknown';

describe('the filter evaluator, fuzzed', () => {
  it('never throws on any text and any value, and points only inside the expression', () => {
    fc.assert(
      fc.property(fc.oneof(soup, expression, fc.string()), fc.oneof(event, fc.anything()), (text, value) => {
        const compiled = compileFilter(text);
        for (const { span } of compiled.diagnostics) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(text.length);
        }
        const result = compiled.evaluate(value);
        expect(['pass', 'drop', 'unknown']).toContain(result.verdict);
        for (const { span } of result.because) expect(span.end).toBeLessThanOrEqual(text.length);
      }),
    );
  });

  it('accepts every expression built from the documented subset', () => {
    fc.assert(
      fc.property(expression, (text) => {
        expect(compileFilter(text).diagnostics).toEqual([]);
      }),
    );
  });

  it('! flips a verdict, and an unknown stays unknown', () => {
    fc.assert(
      fc.property(expression, event, (text, value) => {
        const plain = compileFilter(text).evaluate(value).verdict;
        expect(compileFilter(`!(${text})`).evaluate(value).verdict).toBe(flip(plain));
      }),
    );
  });

  it('&& and || follow their truth tables when both sides are known, and stop at the deciding side', () => {
    fc.assert(
      fc.property(expression, expression, event, (a, b, value) => {
        const left = compileFilter(a).evaluate(value).verdict;
        const right = compileFilter(b).evaluate(value).verdict;
        const and = compileFilter(`(${a}) && (${b})`).evaluate(value).verdict;
        const or = compileFilter(`(${a}) || (${b})`).evaluate(value).verdict;
        if (left === 'drop') expect(and).toBe('drop');
        if (left === 'pass') expect(or).toBe('pass');
        if (left === 'unknown') expect([and, or]).toEqual(['unknown', 'unknown']);
        if (left !== 'unknown' && right !== 'unknown') {
          expect(and).toBe(left === 'pass' && right === 'pass' ? 'pass' : 'drop');
          expect(or).toBe(left === 'pass' || right === 'pass' ? 'pass' : 'drop');
        }
      }),
    );
  });
});

describe('hostile events and expressions stay bounded', () => {
  const many = (count: number) =>
    membership('Sales', {
      target: Array.from({ length: count }, (_, i) => ({ type: 'User', displayName: `u${i}` })),
    });

  it('an event with more targets than the step budget is left unchecked, after reading at most the budget', () => {
    const filter = compileFilter("event.target.?[type eq 'UserGroup'].size() > 0");
    const event = many(1_000_000);
    // Count the targets the evaluator reads: the work is bounded by the budget, not the event.
    const read = new Set<string>();
    event.target = new Proxy(event.target as unknown[], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const result = filter.evaluate(event);
    expect(result.verdict).toBe('unknown');
    expect(result.because[0]?.text).toContain(`more than ${MAX_STEPS} steps`);
    expect(read.size).toBeGreaterThan(0);
    expect(read.size).toBeLessThanOrEqual(MAX_STEPS);
  });

  it('many selections over many targets share one budget per event', () => {
    const selections = Array.from(
      { length: 200 },
      (_, i) => `event.target.?[displayName eq 'x${i}'].size() == 0`,
    );
    const filter = compileFilter(selections.join(' && '));
    expect(filter.checkable).toBe(true);
    expect(filter.evaluate(many(1000)).verdict).toBe('unknown');
    expect(filter.evaluate(many(10)).verdict).toBe('pass');
  });

  it('long text in events and expressions is compared whole', () => {
    const needle = `${'a'.repeat(4_999)}b`;
    const haystack = 'a'.repeat(2_000_000);
    const filter = compileFilter(
      `event.outcome.reason.contains('${needle}') || event.outcome.reason eq '${needle}'`,
    );
    expect(filter.evaluate(membership('Sales', { outcome: { result: 'X', reason: haystack } })).verdict).toBe(
      'drop',
    );
    const ending = { outcome: { result: 'X', reason: `${haystack}b` } };
    expect(filter.evaluate(membership('Sales', ending)).verdict).toBe('pass');
  });

  it('deeply nested events and expressions never reach the stack limit', () => {
    let nested: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) nested = { target: nested };
    fc.assert(
      fc.property(expression, (text) => {
        expect(() => compileFilter(text).evaluate(nested)).not.toThrow();
      }),
      { numRuns: 50 },
    );
    expect(compileFilter(`${'!('.repeat(10_000)}true${')'.repeat(10_000)}`).checkable).toBe(false);
  });
});
