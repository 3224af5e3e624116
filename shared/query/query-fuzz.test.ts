import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSummary } from '../../test-support/shared/make-summary';
import { addFilter, removeSpan, setTimeWindow } from './query-edit';
import { compileQuery } from './query-matcher';
import { parseQuery } from './query-parser';

/** Fixed, so a failure reproduces; fast-check prints the seed and path when one shrinks. */
const SEED = 20_260_501;

/** Pieces that exercise every branch: keys, dashes, quotes, escapes, commas, colons, spaces. */
const piece = fc.oneof(
  fc.constantFrom('type:', 'status:', 'kind:', 'auth:', 'next:', 'is:', 'has:', 'origin:', 'hook:'),
  fc.constantFrom('after:', 'before:', 'duration:', 'https:', '-', '"', '\\', ',', ':', ' ', '  ', '\t', '*'),
  fc.constantFrom('4xx', '2xx,5xx', 'none', '>3s', '<=1ms', '15m', '10:30', '2026-05-01T10:00', 'lost'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const query = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

describe('query syntax, fuzzed', () => {
  it('never throws, and every term and problem points at text inside the query', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string({ unit: 'binary' })), (text) => {
        const parsed = parseQuery(text);
        for (const part of [...parsed.terms, ...parsed.problems]) {
          expect(part.span.start).toBeGreaterThanOrEqual(0);
          expect(part.span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(part.span.start, part.span.end)).toBe(part.raw);
        }
        compileQuery(parsed, 0).matchesSummary(makeSummary(1));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('removing a term leaves the other terms as they were', () => {
    fc.assert(
      fc.property(query, (text) => {
        const { terms } = parseQuery(text);
        fc.pre(terms.length > 0);
        const [first, ...rest] = terms;
        const remaining = parseQuery(removeSpan(text, first!.span)).terms.map((term) => term.raw);
        expect(remaining).toEqual(rest.map((term) => term.raw));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('a filter added by the UI reads back as that filter, and a time window as after/before', () => {
    fc.assert(
      fc.property(
        query,
        fc.constantFrom('type', 'hook'),
        fc.string({ minLength: 1, maxLength: 20 }),
        (text, key, value) => {
          fc.pre(!value.includes(',') && value.trim() !== '' && !/[\\"]/.test(value));
          const added = parseQuery(addFilter(text, key, value)).terms.at(-1);
          expect(added).toMatchObject({ key });
          const windowed = parseQuery(setTimeWindow(text, 1_000_000_000_000, 1_000_000_060_000));
          expect(windowed.terms.slice(-2).map((term) => term.key)).toEqual(['after', 'before']);
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
