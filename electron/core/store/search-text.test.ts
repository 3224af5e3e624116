import { describe, expect, it } from 'vitest';
import { draft } from '../testing/store-fixture';
import { searchText } from './search-text';

const exchange = (body: string) => ({ ...draft(1, { body }), seq: 1 });

describe('search text', () => {
  it('is the same whether the receiver hands over its parsed body or not', () => {
    const body = '{"actor":{"alternateId":"Maria.Lopez@example.com"},"n":[1,2]}';
    const parsed = { text: body, value: JSON.parse(body) as unknown };
    const text = searchText(exchange(body), 'Authorization', parsed);
    expect(text).toEqual(searchText(exchange(body), 'Authorization'));
    expect(text.values.toString()).toContain('maria.lopez@example.com');
  });

  it('ignores a parsed body that is not of this text', () => {
    const parsed = { text: '{"other":"value"}', value: { other: 'value' } };
    const text = searchText(exchange('{"mine":"here"}'), 'Authorization', parsed);
    expect(text.values.toString()).toContain('here');
    expect(text.values.toString()).not.toContain('value');
  });
});
