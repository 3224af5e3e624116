import type { Span } from './query-terms';

/** One whitespace-separated piece of a query, before its meaning is known. */
export interface Token {
  span: Span;
  negated: boolean;
  /** `type` in `type:user.session.start`; absent for free text. */
  key?: string;
  value: string;
  /** The value was written in double quotes (a phrase, or a value with spaces). */
  quoted: boolean;
  /** A quote was opened and the query ended before it was closed. */
  unterminated: boolean;
}

const isSpace = (char: string) => char === ' ' || char === '\t' || char === '\n' || char === '\r';
const KEY = /^[A-Za-z]+$/;

/**
 * Split a query into tokens: whitespace separates, double quotes group (with `\"` inside),
 * a leading `-` negates, and `word:` before a value names a filter. Unterminated quotes run to
 * the end. Never throws.
 */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < query.length) {
    if (isSpace(query.charAt(index))) {
      index += 1;
      continue;
    }
    const token = readToken(query, index);
    index = token.span.end;
    if (token.value !== '' || token.quoted || token.key !== undefined) tokens.push(token);
  }
  return tokens;
}

function readToken(query: string, start: number): Token {
  let index = start;
  const negated =
    query.charAt(index) === '-' && index + 1 < query.length && !isSpace(query.charAt(index + 1));
  if (negated) index += 1;
  let key: string | undefined;
  const colon = findKeyColon(query, index);
  if (colon !== -1) {
    key = query.slice(index, colon);
    index = colon + 1;
  }
  const read = query.charAt(index) === '"' ? readQuoted(query, index + 1) : readBare(query, index);
  return { span: { start, end: read.end }, negated, ...(key === undefined ? {} : { key }), ...read.value };
}

/** The colon ending a `key:` prefix at `index`, or -1 when the token has none. */
function findKeyColon(query: string, index: number): number {
  let end = index;
  while (end < query.length && !isSpace(query.charAt(end)) && query.charAt(end) !== ':') {
    if (query.charAt(end) === '"') return -1;
    end += 1;
  }
  return query.charAt(end) === ':' && KEY.test(query.slice(index, end)) ? end : -1;
}

function readQuoted(query: string, from: number) {
  let value = '';
  let index = from;
  while (index < query.length && query.charAt(index) !== '"') {
    const escaped = query.charAt(index) === '\\' && index + 1 < query.length;
    value += escaped ? query.charAt(index + 1) : query.charAt(index);
    index += escaped ? 2 : 1;
  }
  // Past the closing quote, if there is one; a phrase ends its token.
  const unterminated = index >= query.length;
  return { end: Math.min(query.length, index + 1), value: { value, quoted: true, unterminated } };
}

function readBare(query: string, from: number) {
  let index = from;
  while (index < query.length && !isSpace(query.charAt(index))) index += 1;
  return { end: index, value: { value: query.slice(from, index), quoted: false, unterminated: false } };
}
