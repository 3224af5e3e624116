import { describe, expect, it } from 'vitest';
import { authLabel } from '../../ui/auth-label';
import { suggest } from './suggestions';

const texts = (query: string, caret = query.length, seen: string[] = []) =>
  suggest(query, caret, seen).items.map((item) => item.text);

describe('suggest', () => {
  it('completes filter keys, keeping a negation', () => {
    expect(texts('alice st')).toEqual(['status:']);
    expect(texts('-ty')).toEqual(['-type:']);
    expect(texts('')).toEqual([]);
    expect(texts('"quoted')).toEqual([]);
  });

  it('completes values, after a comma too', () => {
    expect(texts('status:4')).toEqual(['status:4xx']);
    expect(texts('next:will')).toEqual(['next:will-retry']);
    expect(texts('status:2xx,5')).toEqual(['status:2xx,5xx']);
  });

  it('names each auth value in the words of the list’s badges', () => {
    const items = suggest('auth:', 5).items.map(({ label, hint }) => [label, hint]);
    expect(items).toEqual([
      ['ok', authLabel('ok', 'live').text],
      ['missing', authLabel('missing', 'live').text],
      ['mismatch', authLabel('mismatch', 'live').text],
      ['not-configured', authLabel('not-configured', 'live').text],
    ]);
  });

  it('offers event types from the catalogue, those seen here first', () => {
    expect(texts('type:user.session.st')).toEqual(['type:user.session.start']);
    const seen = texts('type:session', undefined, ['app.custom.session']);
    expect(seen[0]).toBe('type:app.custom.session');
    expect(seen).toContain('type:user.session.start');
  });

  it('works on the token under the caret and says where it is', () => {
    const query = 'status:4 alice';
    expect(suggest(query, 8)).toMatchObject({ span: { start: 0, end: 8 }, items: [{ text: 'status:4xx' }] });
  });
});
