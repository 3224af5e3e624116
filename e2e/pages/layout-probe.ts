import type { Page } from '@playwright/test';

/** What a user can click or type into. */
const INTERACTIVE = [
  'button',
  'a[href]',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  '[role="tab"]',
  '[role="row"][data-testid]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * Layout problems on screen now, in words: an interactive element whose centre is covered by
 * another element (the hit test there does not land on it or inside it), one cut off sideways
 * by a container or the window, and anything that scrolls sideways. Elements scrolled out of
 * view vertically in a scrolling container are not problems. With `scope`, only what is inside
 * it is checked (a dialog covers the page behind it on purpose).
 */
export function layoutProblems(page: Page, scope?: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, scopeSelector }) => {
      const describe = (element: Element) => {
        const id = element.getAttribute('data-testid');
        const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
        return `<${element.tagName.toLowerCase()}${id ? ` ${id}` : ''}>${text ? ` "${text}"` : ''}`;
      };
      const clips = (element: Element, axis: 'x' | 'y') => {
        const style = getComputedStyle(element);
        return (axis === 'x' ? style.overflowX : style.overflowY) !== 'visible';
      };
      const scrollsSideways = (element: Element) => {
        const overflow = getComputedStyle(element).overflowX;
        return (
          (overflow === 'auto' || overflow === 'scroll') && element.scrollWidth > element.clientWidth + 1
        );
      };
      /** Within [from, to), at least a pixel in: a centre on the very edge draws nothing there. */
      const inside = (value: number, from: number, to: number) => value >= from + 1 && value < to - 1;
      /** Where the centre is hidden: scrolled out vertically (fine) or cut off sideways (a problem). */
      const hiddenCentre = (element: Element, x: number, y: number): 'scrolled' | 'cut' | null => {
        if (!inside(x, 0, innerWidth)) return 'cut';
        if (!inside(y, 0, innerHeight)) return 'scrolled';
        for (let up = element.parentElement; up; up = up.parentElement) {
          const box = up.getBoundingClientRect();
          if (clips(up, 'y') && !inside(y, box.top, box.bottom)) return 'scrolled';
          if (clips(up, 'x') && !inside(x, box.left, box.right)) return 'cut';
        }
        return null;
      };
      /** A sticky header or footer of a scrolling container: what passes under it is scrolled past. */
      const inSticky = (element: Element | null) => {
        for (let up = element; up; up = up.parentElement) {
          if (getComputedStyle(up).position === 'sticky') return true;
        }
        return false;
      };
      const root = scopeSelector ? document.querySelector(scopeSelector) : document.body;
      if (!root) return [`nothing matches ${scopeSelector ?? ''}`];
      const problems: string[] = [];
      const page = document.scrollingElement ?? document.documentElement;
      if (page.scrollWidth > innerWidth) problems.push(`the page is ${page.scrollWidth}px wide`);
      for (const element of [root, ...root.querySelectorAll('*')]) {
        if (scrollsSideways(element)) {
          problems.push(
            `${describe(element)} scrolls sideways (${element.scrollWidth} > ${element.clientWidth})`,
          );
        }
      }
      for (const element of root.querySelectorAll(selector)) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || !element.checkVisibility({ visibilityProperty: true }))
          continue;
        const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
        const hidden = hiddenCentre(element, x, y);
        if (hidden === 'cut') problems.push(`${describe(element)} is cut off sideways`);
        if (hidden !== null) continue;
        const hit = document.elementFromPoint(x, y);
        if (hit !== element && !(hit && element.contains(hit)) && !(inSticky(hit) && !inSticky(element))) {
          problems.push(`${describe(element)} is covered by ${hit ? describe(hit) : 'nothing'}`);
        }
      }
      return problems;
    },
    { selector: INTERACTIVE, scopeSelector: scope },
  );
}

/**
 * Problems with the text labels of a chart (`root`, an SVG), in words: one smaller than 10 px,
 * one that sticks out of the chart, or one whose box meets another label's or a mark's (what
 * `marks` selects: bars, ticks).
 */
export function chartLabelProblems(page: Page, root: string, marks: string): Promise<string[]> {
  return page.evaluate(
    ({ rootSelector, markSelector }) => {
      const chart = document.querySelector(rootSelector);
      if (!chart) return [`nothing matches ${rootSelector}`];
      const labels = [...chart.querySelectorAll('text')];
      if (labels.length === 0) return ['the chart has no labels'];
      const meet = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const area = chart.getBoundingClientRect();
      const markBoxes = [...chart.querySelectorAll(markSelector)]
        .map((mark) => mark.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0);
      const problems: string[] = [];
      labels.forEach((label, i) => {
        const box = label.getBoundingClientRect();
        const name = `"${label.textContent?.trim() ?? ''}"`;
        const size = parseFloat(getComputedStyle(label).fontSize);
        if (size < 10) problems.push(`${name} is ${size}px`);
        if (box.left < area.left || box.right > area.right || box.top < area.top || box.bottom > area.bottom)
          problems.push(`${name} sticks out of the chart`);
        if (markBoxes.some((mark) => meet(box, mark))) problems.push(`${name} meets a bar or tick`);
        for (const other of labels.slice(i + 1)) {
          if (meet(box, other.getBoundingClientRect()))
            problems.push(`${name} meets "${other.textContent?.trim() ?? ''}"`);
        }
      });
      return problems;
    },
    { rootSelector: root, markSelector: marks },
  );
}

/**
 * The list's header and row cells whose text is cut (wider than the cell), in words. The event
 * types cell is left out: it ends in an ellipsis by design and its title holds the whole text.
 */
export function cutListCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.list__header .cell, .row .cell')]
      .filter((cell) => !cell.classList.contains('cell--events') && cell.checkVisibility())
      .filter((cell) => cell.scrollWidth > cell.clientWidth)
      .map(
        (cell) =>
          `${cell.className} "${cell.textContent?.trim() ?? ''}" (${cell.scrollWidth} > ${cell.clientWidth})`,
      ),
  );
}

/**
 * Rows with a badge (redelivery, imported, sample, ⚠ …) whose event type does not read, in
 * words: the type may give up part of its middle, but its first segment, the start of each
 * middle one (enough to tell `user.session.start` from `user.account.start`: four characters),
 * its last (the action, as in `.start`), each badge (whole, or left out and named in the cell's
 * title), and the whole type in the cell's title must be there. Last segments longer than any Okta uses (a hostile sender's) are left out.
 */
export function unreadableTypes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    /** Where `from..to` of the type's text ends on screen; null if a box cuts it (by a pixel's fraction too: that draws an ellipsis). */
    const drawnRight = (root: Element, from: number, to: number): number | null => {
      const range = document.createRange();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let at = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (at <= from && from < at + length) range.setStart(node, from - at);
        if (at < to && to <= at + length) range.setEnd(node, to - at);
        at += length;
      }
      const right = range.getBoundingClientRect().right;
      for (let up = range.commonAncestorContainer.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible' && right > up.getBoundingClientRect().right + 0.01)
          return null;
        if (up.classList.contains('cell')) break;
      }
      return right;
    };
    const problems: string[] = [];
    for (const cell of document.querySelectorAll('.row .cell--events')) {
      const flags = [...cell.querySelectorAll('.flag')];
      const typeBox = cell.firstElementChild;
      const type = typeBox?.textContent ?? '';
      const [first = ''] = type.split('.');
      const last = type.slice(type.lastIndexOf('.'));
      if (flags.length === 0 || !typeBox || !type.includes('.') || last.length > 30) continue;
      const cellRight = cell.getBoundingClientRect().right;
      // The first segment, its dot and one character more: room for the ellipsis after it.
      if (drawnRight(typeBox, 0, first.length + 2) === null) problems.push(`${type}: its start is cut`);
      const segments = type.split('.').slice(1, -1);
      let from = first.length + 1;
      for (const segment of segments) {
        const shown = Math.min(segment.length, 4);
        if (drawnRight(typeBox, from, from + shown) === null)
          problems.push(`${type}: "${segment.slice(0, shown)}" of "${segment}" is cut`);
        from += segment.length + 1;
      }
      if (drawnRight(typeBox, type.length - last.length, type.length) === null)
        problems.push(`${type}: "${last}" is cut`);
      const title = cell.getAttribute('title') ?? '';
      for (const flag of flags) {
        const box = flag.getBoundingClientRect();
        // A badge with no room wraps out of sight below its line: hidden, as one left out.
        const line = flag.parentElement?.getBoundingClientRect();
        const shown = flag.checkVisibility() && (!line || box.top < line.bottom);
        if (shown && box.right > Math.min(cellRight, line?.right ?? cellRight) + 0.5)
          problems.push(`${type}: its "${flag.textContent ?? ''}" badge is cut`);
        if (!shown && !title.includes(flag.getAttribute('title') ?? ' '))
          problems.push(`${type}: its hidden "${flag.textContent ?? ''}" badge is not in the title`);
      }
      if (!title.includes(type)) problems.push(`${type}: not in the title`);
    }
    return problems;
  });
}

/** Rows that failed the secret check and do not say so on screen (their Auth column hidden). */
export function silentAuthFailures(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.row')]
      .filter((row) => row.querySelector('[data-auth="missing"], [data-auth="mismatch"]'))
      .filter((row) =>
        [...row.querySelectorAll('[data-testid^="auth-badge"]')].every((badge) => !badge.checkVisibility()),
      )
      .map((row) => `row ${row.getAttribute('aria-rowindex') ?? '?'}: ${row.textContent?.trim() ?? ''}`),
  );
}

/** Rows made by the inspector (imported, a sample…) that show nothing saying so, in words. */
export function unmarkedOrigins(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.row:not([data-origin="live"])')]
      .filter((row) =>
        [...row.querySelectorAll('.flag--origin, [data-testid="origin-mark"]')].every((mark) => {
          const { width, height } = mark.getBoundingClientRect();
          return !mark.checkVisibility() || width === 0 || height === 0;
        }),
      )
      .map((row) => `row ${row.getAttribute('aria-rowindex') ?? '?'}: ${row.textContent?.trim() ?? ''}`),
  );
}

/**
 * Rows whose words in place of event types ("not decoded", "verification challenge") are cut,
 * in words. A path (a request that was not to the hook) may be cut: its title holds it whole.
 */
export function cutEventWords(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.row:is([data-kind="delivery"], [data-kind="verification"]) .cell__text')]
      .filter((text) => text.scrollWidth > text.clientWidth)
      .map((text) => `"${text.textContent ?? ''}" (${text.scrollWidth} > ${text.clientWidth})`),
  );
}

/**
 * Rows whose event type does not read as a head and a tail, in words: the head (all but the
 * last segment) shows at least `minChars` characters, or all of it, and when it is cut it is
 * cut by its own box, which ends it in an ellipsis (a box around it would cut it bare); the
 * tail (`.start`) is whole. Tails longer than any Okta uses (a hostile sender's) are left out.
 */
export function slimTypes(page: Page, minChars = 4): Promise<string[]> {
  return page.evaluate((minChars) => {
    /** Where the boxes around `element`, up to its cell, stop drawing it. */
    const clipRight = (element: Element): number => {
      let right = Infinity;
      for (let up = element.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible')
          right = Math.min(right, up.getBoundingClientRect().right);
        if (up.classList.contains('cell')) break;
      }
      return right;
    };
    const problems: string[] = [];
    for (const type of document.querySelectorAll('.row .cell__type')) {
      const head = type.querySelector('.type-name__head');
      const tail = type.querySelector('.type-name__tail');
      if (!head || !tail || (tail.textContent ?? '').length > 30) continue;
      const text = `${head.textContent ?? ''}${tail.textContent ?? ''}`;
      const box = head.getBoundingClientRect();
      const charWidth = head.scrollWidth / Math.max(1, head.textContent?.length ?? 1);
      const shown = Math.min(box.right, clipRight(head)) - box.left;
      const wanted = Math.min(minChars + 1, head.textContent?.length ?? 0) * charWidth;
      if (shown < wanted - 0.5)
        problems.push(`${text}: its head shows ${(shown / charWidth).toFixed(1)} characters`);
      if (clipRight(head) < box.right - 0.5) problems.push(`${text}: its head is cut with no ellipsis`);
      else if (head.scrollWidth > head.clientWidth && getComputedStyle(head).textOverflow !== 'ellipsis')
        problems.push(`${text}: its head is cut with no ellipsis`);
      if (tail.getBoundingClientRect().right > clipRight(tail) + 0.5)
        problems.push(`${text}: its tail is cut`);
      if (tail.scrollWidth > tail.clientWidth) problems.push(`${text}: its tail is cut`);
    }
    return problems;
  }, minChars);
}
