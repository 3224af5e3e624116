import { describe, expect, it } from 'vitest';
import { addFilter, clearTimeWindow, quoteValue, removeSpan, setTimeWindow } from './query-edit';
import { parseQuery } from './query-parser';

describe('query edits', () => {
  it('removes one term and tidies the spaces', () => {
    const query = 'alice  type:user.session.start   status:4xx';
    const [, type] = parseQuery(query).terms;
    expect(removeSpan(query, type!.span)).toBe('alice status:4xx');
  });

  it('adds a filter once, quoting values with spaces, and closes a quote left open', () => {
    expect(addFilter('alice', 'status', '4xx')).toBe('alice status:4xx');
    expect(addFilter('alice status:4xx', 'status', '4xx')).toBe('alice status:4xx');
    expect(addFilter('', 'hook', 'a b')).toBe('hook:"a b"');
    expect(addFilter('"half', 'kind', 'delivery')).toBe('"half" kind:delivery');
    expect(parseQuery(addFilter('"ends with \\', 'kind', 'delivery')).terms.map((t) => t.key)).toEqual([
      'text',
      'kind',
    ]);
    expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
  });

  it('replaces the time window and clears it', () => {
    const from = new Date(2026, 4, 1, 10, 3, 0).getTime();
    const query = setTimeWindow('after:1h alice before:10:00', from, from + 60_000);
    expect(query).toBe('alice after:2026-05-01T10:03:00 before:2026-05-01T10:04:00');
    expect(clearTimeWindow(query)).toBe('alice');
  });
});
