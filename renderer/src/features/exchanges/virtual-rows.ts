/**
 * Our own virtual rows, not a library's, because the list must reach the oldest of up to
 * 10,000,000 exchanges (the retention maximum) and browsers cap how tall an element may be
 * (Chromium clamps it at 33,554,432 px, Firefox lower). A library that draws one box as tall as
 * all the rows (TanStack Virtual, react-window) stops at row 1,118,480 of 30 px rows in Chromium.
 * So a list taller than this scrolls a canvas this tall, each pixel of scrolling standing for
 * several of the list's (the scrollbar still takes you anywhere, in proportion). Measured against
 * TanStack Virtual, and what this costs: docs/list-scroller.md.
 */
export const MAX_CANVAS_PX = 15_000_000;

/** Where the list's rows are for a scroll position. */
export interface RowLayout {
  /** Height of the scrolled canvas. */
  canvas: number;
  /** First and last (exclusive) rows at least partly in view. */
  first: number;
  last: number;
  /** Top of row `index` inside the canvas. */
  top(index: number): number;
  /** The scroll position that shows row `index` at `offset` px from the top of the view. */
  scrollFor(index: number, offset?: number): number;
}

/** Rows of `rowHeight` px, `total` of them, in a view `height` px tall scrolled to `scrollTop`. */
export function layoutRows(total: number, rowHeight: number, scrollTop: number, height: number): RowLayout {
  const full = total * rowHeight;
  const canvas = Math.min(full, MAX_CANVAS_PX);
  // How many of the list's px one px of scrolling stands for (1 unless the list is huge).
  const ratio = canvas > height ? (full - height) / (canvas - height) : 1;
  const virtualTop = Math.min(Math.max(0, full - height), scrollTop * ratio);
  return {
    canvas,
    first: Math.max(0, Math.floor(virtualTop / rowHeight)),
    last: Math.min(total, Math.ceil((virtualTop + height) / rowHeight)),
    top: (index) => index * rowHeight - virtualTop + scrollTop,
    scrollFor: (index, offset = 0) => Math.max(0, (index * rowHeight - offset) / ratio),
  };
}
