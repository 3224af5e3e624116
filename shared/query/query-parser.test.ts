import { describe, expect, it } from 'vitest';
import { parseQuery } from './query-parser';

const keys = (query: string) => parseQuery(query).terms.map((term) => term.key);

describe('parseQuery', () => {
  it('reads the example from the issue: a type, a status class and a quoted phrase', () => {
    const { terms, problems } = parseQuery('type:user.session.start status:4xx "alice@example.com"');
    expect(problems).toEqual([]);
    expect(terms).toMatchObject([
      {
        key: 'type',
        patterns: ['user.session.start', 'user.session.start.*'],
        negated: false,
        raw: 'type:user.session.start',
      },
      { key: 'status', ranges: [{ min: 400, max: 499 }] },
      { key: 'text', text: 'alice@example.com', raw: '"alice@example.com"' },
    ]);
  });

  it('records where each term sits, so a chip can remove exactly it', () => {
    const query = 'foo  -type:x.y "a b"';
    const spans = parseQuery(query).terms.map((term) => query.slice(term.span.start, term.span.end));
    expect(spans).toEqual(['foo', '-type:x.y', '"a b"']);
  });

  it('negates filters and free text with a leading dash', () => {
    expect(parseQuery('-type:user.* -secret -"two words"').terms).toMatchObject([
      { key: 'type', negated: true },
      { key: 'text', text: 'secret', negated: true },
      { key: 'text', text: 'two words', negated: true },
    ]);
  });

  it('lowercases free text and keeps unknown keys (a URL) as text', () => {
    expect(parseQuery('Alice https://Example.com/x').terms).toMatchObject([
      { key: 'text', text: 'alice' },
      { key: 'text', text: 'https://example.com/x' },
    ]);
  });

  it('does not search an unknown field as text: it names it, a near key, all keys, and quoting', () => {
    const parsed = parseQuery('typo:foo alice');
    expect(parsed.terms).toMatchObject([{ key: 'text', text: 'alice' }]);
    expect(parsed.problems).toEqual([
      {
        span: { start: 0, end: 8 },
        raw: 'typo:foo',
        message: expect.stringMatching(
          /^typo: is not a search field \(did you mean type:\?\); the fields are type: .*duration:; to find the text itself, put it in quotes: "typo:foo"$/,
        ),
      },
    ]);
    expect(parseQuery('colour:red').problems[0]?.message).toMatch(
      /^colour: is not a search field; the fields/,
    );
    expect(parseQuery('"typo:foo"').terms).toMatchObject([{ key: 'text', text: 'typo:foo' }]);
  });

  it('suggests for an unknown field a phrase that finds that very text, an exclusion kept', () => {
    const message = parseQuery('-typo:a"b\\c').problems[0]?.message ?? '';
    const suggested = message.slice(message.indexOf('put it in quotes: ') + 'put it in quotes: '.length);
    expect(parseQuery(suggested)).toMatchObject({
      terms: [{ key: 'text', text: 'typo:a"b\\c', negated: true }],
      problems: [],
    });
  });

  it('reads comma lists as alternatives and quoted filter values', () => {
    expect(
      parseQuery('status:401,5xx,none next:will-retry,lost type:"user.session.start"').terms,
    ).toMatchObject([
      {
        key: 'status',
        ranges: [
          { min: 401, max: 401 },
          { min: 500, max: 599 },
          { min: 0, max: 0 },
        ],
      },
      { key: 'next', values: ['will-retry', 'lost'] },
      { key: 'type', patterns: ['user.session.start', 'user.session.start.*'] },
    ]);
  });

  it('knows every filter key', () => {
    expect(
      keys(
        'kind:delivery auth:mismatch is:redelivery,dup has:problems origin:imported hook:who1 after:15m before:10:30 duration:>3s filter:sales',
      ),
    ).toEqual(['kind', 'auth', 'is', 'has', 'origin', 'hook', 'after', 'before', 'duration', 'filter']);
  });

  it('reads saved filter names without case, and refuses what cannot be a name', () => {
    expect(parseQuery('-filter:Sales,who8vt36qfNpCGz9H1e6').terms).toMatchObject([
      { key: 'filter', names: ['sales', 'who8vt36qfnpcgz9h1e6'], negated: true },
    ]);
    const { problems } = parseQuery('filter:-x filter:a/b');
    expect(problems.map((problem) => problem.raw)).toEqual(['filter:-x', 'filter:a/b']);
    expect(problems[0]?.message).toMatch(/not a filter name/);
  });

  it('reads durations and times', () => {
    expect(parseQuery('duration:>3s duration:<=250ms duration:100').terms).toMatchObject([
      { op: '>', ms: 3000 },
      { op: '<=', ms: 250 },
      { op: '>=', ms: 100 },
    ]);
    const [after, before, ago] = parseQuery(
      'after:2026-05-01T10:03:20 before:2026-05-01T10:03:20Z after:2h',
    ).terms;
    expect(after).toMatchObject({
      time: { kind: 'absolute', ms: new Date(2026, 4, 1, 10, 3, 20).getTime() },
    });
    expect(before).toMatchObject({ time: { kind: 'absolute', ms: Date.UTC(2026, 4, 1, 10, 3, 20) } });
    expect(ago).toMatchObject({ time: { kind: 'ago', ms: 7_200_000 } });
  });

  it('reports what it cannot read, and leaves it out of the terms', () => {
    const { terms, problems } = parseQuery('status:4x kind:nope type: after:yesterday ok');
    expect(terms.map((term) => term.raw)).toEqual(['ok']);
    expect(problems.map((problem) => problem.raw)).toEqual([
      'status:4x',
      'kind:nope',
      'type:',
      'after:yesterday',
    ]);
    expect(problems[1]?.message).toMatch(/delivery, verification, inline, other/);
  });

  it('takes the word still being typed as a prefix, and whole words otherwise', () => {
    const prefixes = (query: string) =>
      parseQuery(query).terms.map((term) => (term.key === 'text' ? term.prefix : null));
    expect(prefixes('alice session.st')).toEqual([false, true]);
    expect(prefixes('alice session.st ')).toEqual([false, false]);
    expect(prefixes('alice "session st"')).toEqual([false, false]);
    expect(prefixes('session.st type:user.*')).toEqual([false, null]);
  });

  it('points out free text with no letter or digit, which no word can match', () => {
    const { terms, problems } = parseQuery('@ -- "été" 42 -::');
    expect(terms.map((term) => term.raw)).toEqual(['"été"', '42']);
    expect(problems.map((problem) => problem.raw)).toEqual(['@', '--', '-::']);
    expect(problems[0]?.message).toMatch(/no letters or digits/);
  });

  it('runs an unterminated quote to the end and ignores empty input', () => {
    expect(parseQuery('"half open').terms).toMatchObject([{ key: 'text', text: 'half open' }]);
    expect(parseQuery('   ').terms).toEqual([]);
    expect(parseQuery('""').terms).toEqual([]);
  });
});
