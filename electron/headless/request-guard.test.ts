import type * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { checkToken } from './request-guard';

const compared = vi.hoisted(() => [] as [number, number][]);

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.push([a.byteLength, b.byteLength]);
      return actual.timingSafeEqual(a, b);
    },
  };
});

const TOKEN = 'guard-token-0123456789abcdef';

describe('API token check', () => {
  it.each([
    ['the right token', `Bearer ${TOKEN}`, true],
    ['an empty token', 'Bearer x', false],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`, false],
    ['the token plus one character', `Bearer ${TOKEN}0`, false],
    ['a 10,000-character token', `Bearer ${'t'.repeat(10_000)}`, false],
    ['the token in another case', `Bearer ${TOKEN.toUpperCase()}`, false],
  ])('compares %s in constant time: one timingSafeEqual over two 32-byte digests', (_case, header, ok) => {
    compared.length = 0;
    expect(checkToken({ authorization: header }, TOKEN).ok).toBe(ok);
    // Same work whatever the length or the first differing byte: no early exit, no length leak.
    expect(compared).toEqual([[32, 32]]);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', `Basic ${TOKEN}`],
    ['a lower-case scheme', `bearer ${TOKEN}`],
    ['two spaces', `Bearer  ${TOKEN}`],
    ['a trailing space', `Bearer ${TOKEN} `],
    ['two tokens', `Bearer ${TOKEN} ${TOKEN}`],
  ])('refuses %s with 401 and says how to authenticate', (_case, header) => {
    const verdict = checkToken(header === undefined ? {} : { authorization: header }, TOKEN);
    expect(verdict).toMatchObject({
      ok: false,
      status: 401,
      message: expect.stringMatching(/Bearer <token>/),
    });
  });
});
