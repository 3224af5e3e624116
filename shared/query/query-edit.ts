import { parseQuery } from './query-parser';
import { tokenize } from './query-tokens';
import type { Span } from './query-terms';
import { formatLocalTime } from './time-spec';

/**
 * Edits the UI makes to the query text. The text stays the one source of truth: chips, menus
 * and the timeline change it through these, and the engine parses what results.
 */

/** Join two parts with one space, leaving whitespace inside either (a quoted phrase) alone. */
const join = (left: string, right: string) => `${left.trimEnd()} ${right.trimStart()}`.trim();

/**
 * Close a quote the user left open, so text appended after it is not swallowed by it. A lone
 * trailing backslash would escape that quote: it is doubled first.
 */
function closeQuotes(query: string): string {
  if (!tokenize(query).at(-1)?.unterminated) return query;
  const trailing = /\\*$/.exec(query)?.[0].length ?? 0;
  return `${query}${trailing % 2 === 1 ? '\\' : ''}"`;
}

/** Append a token after whatever the user typed. */
const append = (query: string, token: string) => join(closeQuotes(query), token);

/** The query without the part at `span` (a chip's ×). */
export const removeSpan = (query: string, span: Span): string => withoutSpans(query, [span]);

/** Quote a value when it needs it (spaces, quotes), so it reads back as one token. */
export function quoteValue(value: string): string {
  return /[\s"]/.test(value) || value === '' ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}

/** Append `key:value` unless the query already has exactly that term. */
export function addFilter(query: string, key: string, value: string, negated = false): string {
  const token = `${negated ? '-' : ''}${key}:${quoteValue(value)}`;
  const present = parseQuery(query).terms.some((term) => term.raw === token);
  return present ? query : append(query, token);
}

const timeSpans = (query: string): Span[] =>
  parseQuery(query)
    .terms.filter((term) => term.key === 'after' || term.key === 'before')
    .map((term) => term.span);

/** The query without its time terms (the timeline's "show all"). */
export const clearTimeWindow = (query: string): string => withoutSpans(query, timeSpans(query));

/** Replace any time terms with the window [from, to) (the timeline's drag). */
export const setTimeWindow = (query: string, from: number, to: number): string =>
  append(clearTimeWindow(query), `after:${formatLocalTime(from)} before:${formatLocalTime(to)}`);

function withoutSpans(query: string, spans: Span[]): string {
  let result = query;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    result = join(result.slice(0, span.start), result.slice(span.end));
  }
  return result;
}
