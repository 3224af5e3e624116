import type { AuthResult } from '../../../../shared/model/exchange';
import { EVENT_HOOK_ELIGIBLE_TYPES } from '../../../../shared/okta/event-types';
import { FEATURED_SAMPLE_TYPES } from '../../../../shared/okta/sample-templates';
import {
  AUTH_VALUES,
  FILTER_HELP,
  FLAG_VALUES,
  HAS_VALUES,
  KIND_VALUES,
  NEXT_VALUES,
  ORIGIN_VALUES,
  STATUS_CLASSES,
  type FilterKey,
  type Span,
} from '../../../../shared/query/query-terms';
import { AUTH_WORDS } from '../../ui/auth-label';

const isAuthResult = (value: string): value is AuthResult =>
  (AUTH_VALUES as readonly string[]).includes(value);

export interface Suggestion {
  /** What replaces the token being typed. */
  text: string;
  label: string;
  hint?: string;
}

const LIMIT = 8;
const KEYS = Object.keys(FILTER_HELP) as FilterKey[];

const VALUES: Partial<Record<FilterKey, readonly string[]>> = {
  kind: KIND_VALUES,
  status: [...STATUS_CLASSES, 'none'],
  auth: AUTH_VALUES,
  next: NEXT_VALUES,
  is: FLAG_VALUES,
  has: HAS_VALUES,
  origin: ORIGIN_VALUES,
  after: ['15m', '1h', '24h', '7d'],
  before: ['15m', '1h', '24h', '7d'],
  duration: ['>3s', '>1s', '<100ms'],
};

/** The whitespace-separated token the caret is in (or just after). */
function tokenAt(query: string, caret: number): Span {
  let start = caret;
  while (start > 0 && !/\s/.test(query.charAt(start - 1))) start -= 1;
  let end = caret;
  while (end < query.length && !/\s/.test(query.charAt(end))) end += 1;
  return { start, end };
}

/**
 * Completions for the token being typed: filter keys for a bare word, then values for the key
 * (the 314 event types Okta can deliver, those seen here first). Quoted tokens get none.
 */
export function suggest(
  query: string,
  caret: number,
  seenTypes: readonly string[] = [],
): { span: Span; items: Suggestion[] } {
  const span = tokenAt(query, caret);
  const typed = query.slice(span.start, caret);
  const negation = typed.startsWith('-') ? '-' : '';
  const token = typed.slice(negation.length);
  if (token === '' || token.includes('"')) return { span, items: [] };
  const colon = token.indexOf(':');
  if (colon === -1) {
    const items = KEYS.filter((key) => key.startsWith(token.toLowerCase())).map((key) => ({
      text: `${negation}${key}:`,
      label: `${key}:`,
      hint: FILTER_HELP[key].help,
    }));
    return { span, items: items.slice(0, LIMIT) };
  }
  const key = token.slice(0, colon).toLowerCase() as FilterKey;
  const list = token.slice(colon + 1);
  const done = list.slice(0, list.lastIndexOf(',') + 1);
  const partial = list.slice(done.length).toLowerCase();
  const options =
    key === 'type'
      ? typeOptions(partial, seenTypes)
      : (VALUES[key] ?? []).filter((v) => v.startsWith(partial));
  const items = options
    .filter((value) => value !== partial)
    .slice(0, LIMIT)
    .map((value) => {
      const item: Suggestion = { text: `${negation}${key}:${done}${value}`, label: value };
      // The list's badges say "bad auth", not "mismatch": the same words beside the syntax.
      if (key === 'auth' && isAuthResult(value)) item.hint = AUTH_WORDS[value].text;
      return item;
    });
  return { span, items };
}

/** Types seen here first, then the common ones, then the rest of the catalogue (prefix first). */
function typeOptions(partial: string, seen: readonly string[]): string[] {
  const matches = (type: string) => type.includes(partial);
  const starts = (type: string) => type.startsWith(partial);
  const catalogue = EVENT_HOOK_ELIGIBLE_TYPES.filter(matches);
  const common = FEATURED_SAMPLE_TYPES.filter(matches);
  return [...new Set([...seen.filter(matches), ...common, ...catalogue.filter(starts), ...catalogue])];
}
