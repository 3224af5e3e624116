import { describe, expect, it } from 'vitest';
import { layoutRows, MAX_CANVAS_PX } from './virtual-rows';

describe('layoutRows', () => {
  it('maps pixels to rows one for one while the list fits a canvas', () => {
    const layout = layoutRows(1000, 30, 300, 600);
    expect(layout.canvas).toBe(30_000);
    expect([layout.first, layout.last]).toEqual([10, 30]);
    expect(layout.top(10)).toBe(300);
    expect(layout.scrollFor(500)).toBe(15_000);
  });

  it('reaches the oldest of a million rows at the bottom of a capped canvas, rows laid out in view', () => {
    const total = 1_000_000;
    const height = 600;
    const bottom = MAX_CANVAS_PX - height;
    const layout = layoutRows(total, 30, bottom, height);
    expect(layout.canvas).toBe(MAX_CANVAS_PX);
    expect(layout.last).toBe(total);
    expect(layout.top(total - 1) + 30).toBeCloseTo(bottom + height);
    expect(layoutRows(total, 30, layout.scrollFor(500_000), height).first).toBe(500_000);
  });

  it('shows nothing but an empty canvas for an empty list', () => {
    expect(layoutRows(0, 30, 0, 600)).toMatchObject({ canvas: 0, first: 0, last: 0 });
  });
});
