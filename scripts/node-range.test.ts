import { describe, expect, it } from 'vitest';
import { satisfies } from './node-range';

describe('satisfies', () => {
  it('reads the range forms our lockfile holds', () => {
    expect(satisfies('^20.19.2 || >=22.12.0', '20.19.2')).toBe(true);
    expect(satisfies('^20.19.2 || >=22.12.0', '21.7.3')).toBe(false);
    expect(satisfies('>= 22.12', '22.11.0')).toBe(false);
    expect(satisfies('20 || >=22', '20.18.3')).toBe(true);
    expect(satisfies('18.x', '20.0.0')).toBe(false);
    expect(satisfies('>=10 <17', '16.20.0')).toBe(true);
    expect(satisfies('>=v14.0.0', '14.0.0')).toBe(true);
    expect(satisfies('> 20.0.0', '20.0.0')).toBe(false);
    expect(satisfies('*', '4.0.0')).toBe(true);
  });

  it('throws on a form it does not read, rather than passing it', () => {
    expect(() => satisfies('lts/*', '20.19.2')).toThrow('does not read');
  });
});
