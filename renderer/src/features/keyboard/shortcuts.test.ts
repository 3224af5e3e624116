import { describe, expect, it } from 'vitest';
import { keyCombo } from './shortcuts';

const press = (key: string, mods: { shift?: boolean; ctrl?: boolean; meta?: boolean } = {}) =>
  keyCombo({ key, shiftKey: mods.shift ?? false, ctrlKey: mods.ctrl ?? false, metaKey: mods.meta ?? false });

describe('keyCombo', () => {
  it('writes each press one way', () => {
    expect(press('j')).toBe('j');
    expect(press('J', { shift: true })).toBe('Shift+j');
    expect(press('ArrowDown', { shift: true })).toBe('Shift+ArrowDown');
    expect(press('?', { shift: true })).toBe('?');
    expect(press('a', { ctrl: true })).toBe('Mod+a');
    expect(press('a', { meta: true })).toBe('Mod+a');
    expect(press('Escape')).toBe('Escape');
  });
});
