import { describe, expect, it } from 'vitest';
import { draft } from '../testing/store-fixture';
import { searchText } from './search-text';

const exchange = (body: string, headers: [string, string][] = []) => {
  const made = { ...draft(1, { body }), seq: 1 };
  made.request.headers = headers;
  return made;
};

describe('search text', () => {
  it('holds the request line, headers, and the distinct keys and values of a JSON body', () => {
    const text = searchText(
      exchange('{"actor":{"alternateId":"Maria.Lopez@example.com"},"n":[1,2,2]}', [['X-Trace', 'abc123']]),
      'Authorization',
    );
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'POST /okta/event-hook',
        'X-Trace: abc123',
        'Maria.Lopez@example.com',
        '1',
        '2',
        'actor',
        'alternateId',
      ]),
    );
    expect(text.split('\n').filter((line) => line === '2')).toHaveLength(1);
  });

  it('leaves out credential values, and any value sealed on disk', () => {
    const text = searchText(
      exchange('{}', [
        ['Authorization', 'Basic c2VjcmV0'],
        ['X-Copied', 'sealed:v1:AAAA'],
        ['Cookie', 'session=abc'],
      ]),
      'Authorization',
    );
    expect(text).not.toMatch(/c2VjcmV0|AAAA|session=abc/);
    expect(text.split('\n')).toEqual(expect.arrayContaining(['Authorization:', 'X-Copied:', 'Cookie:']));
  });

  it('keeps a body that is not JSON as its text', () => {
    expect(searchText(exchange('plain words here'), 'Authorization')).toContain('plain words here');
  });
});
