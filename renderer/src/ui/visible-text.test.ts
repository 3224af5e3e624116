import { describe, expect, it } from 'vitest';
import { visible } from './visible-text';

describe('visible', () => {
  it('spells out every bidirectional control and leaves other text alone', () => {
    expect(visible('user.session\u202Etrats')).toBe('user.session⟨U+202E⟩trats');
    const controls = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(visible(controls)).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(visible(controls).match(/⟨U\+[0-9A-F]{4}⟩/g)).toHaveLength(12);
    expect(visible('Zürich, 東京, مرحبا')).toBe('Zürich, 東京, مرحبا');
  });
});
