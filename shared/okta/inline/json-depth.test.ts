import { describe, expect, it } from 'vitest';
import { jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[{"b":1}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[{{{\\"]]]"}')).toBe(1);
  });

  it('stops as soon as the limit is passed', () => {
    expect(jsonDepth('['.repeat(1_000_000), 64)).toBe(65);
  });
});
