import {
  AUTH_VALUES,
  FILTER_HELP,
  FLAG_VALUES,
  HAS_VALUES,
  KIND_VALUES,
  NEXT_VALUES,
  ORIGIN_VALUES,
  type CompareOp,
  type FilterKey,
  type ParsedQuery,
  type StatusRange,
  type TermBody,
} from './query-terms';
import { FILTER_NAME, filterKey } from '../model/hook-filter';
import { tokenize, type Token } from './query-tokens';
import { parseDuration, parseTimeSpec } from './time-spec';
import { unknownKeyProblem } from './unknown-key';

type Parsed = TermBody | { error: string };

/**
 * Free text is found by its words (docs/storage.md, "Search semantics"): a term with no letter or
 * digit has none, so it could match nothing and is pointed out instead.
 */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const NOT_A_WORD = (text: string) =>
  `"${text}" has no letters or digits: search finds words and the starts of words`;

const isFilterKey = (key: string): key is FilterKey => Object.hasOwn(FILTER_HELP, key);

/**
 * Parse the search box's syntax (docs/history-and-search.md, "Searching"): free words and "quoted phrases" match
 * text in headers and bodies; `key:value` filters; `-` negates. An unknown key is a problem
 * that names it and the known ones, never silently searched as text; a URL (`https://…`) is
 * text. Never throws: what it cannot read is a problem, not an error.
 */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], problems: [] };
  for (const token of tokenize(query)) {
    const raw = query.slice(token.span.start, token.span.end);
    const key = token.key?.toLowerCase();
    const unknown =
      token.key === undefined || isFilterKey(key ?? '')
        ? null
        : unknownKeyProblem(token.key, token.value, token.quoted, token.negated);
    const body: Parsed =
      key !== undefined && isFilterKey(key)
        ? parseFilter(key, token)
        : unknown !== null
          ? { error: unknown }
          : {
              key: 'text',
              text: (token.key === undefined ? '' : `${token.key}:`) + token.value,
              prefix: !token.quoted && token.span.end === query.length,
            };
    if ('error' in body) parsed.problems.push({ span: token.span, raw, message: body.error });
    else if (body.key === 'text' && body.text.trim() === '') continue;
    else if (body.key === 'text' && !WORD_CHARACTER.test(body.text))
      parsed.problems.push({ span: token.span, raw, message: NOT_A_WORD(body.text) });
    else
      parsed.terms.push({
        ...(body.key === 'text' ? { ...body, text: body.text.toLowerCase() } : body),
        negated: token.negated,
        span: token.span,
        raw,
      });
  }
  return parsed;
}

function parseFilter(key: FilterKey, token: Token): Parsed {
  const value = token.value.trim();
  if (value === '') return { error: `${key}: needs a value, e.g. ${FILTER_HELP[key].example}` };
  switch (key) {
    case 'type':
      return { key, patterns: list(value).flatMap(typePatterns) };
    case 'hook':
      return { key, values: list(value).map((v) => v.toLowerCase()) };
    case 'filter':
      return parseFilterNames(value);
    case 'kind':
      return oneOf(key, value, KIND_VALUES, (values) => ({ key, values }));
    case 'auth':
      return oneOf(key, value, AUTH_VALUES, (values) => ({ key, values }));
    case 'next':
      return oneOf(key, value, NEXT_VALUES, (values) => ({ key, values }));
    case 'is':
      return oneOf(key, value, FLAG_VALUES, (values) => ({ key, values }));
    case 'has':
      return oneOf(key, value, HAS_VALUES, (values) => ({ key, values }));
    case 'origin':
      return oneOf(key, value, ORIGIN_VALUES, (values) => ({ key, values }));
    case 'status':
      return parseStatus(value);
    case 'after':
    case 'before': {
      const time = parseTimeSpec(value);
      if (time) return { key, time };
      return { error: `${key}: "${value}" is not a time: use a date-time, HH:MM, or a span ago like 15m` };
    }
    case 'duration':
      return parseComparison(value);
  }
}

const list = (value: string) => value.split(',').filter((v) => v !== '');

/**
 * Okta's event types are dotted paths, object first (`user.session.start`), so a `type:` value
 * names a type or a whole branch: `user.session` also finds `user.session.end`, never
 * `user.sessions.x`. One that ends in `*` or `.` already says where it stops.
 */
function typePatterns(value: string): string[] {
  const pattern = value.toLowerCase();
  if (pattern.endsWith('*')) return [pattern];
  if (pattern.endsWith('.')) return [`${pattern}*`];
  return [pattern, `${pattern}.*`];
}

function oneOf<V extends string>(
  key: FilterKey,
  value: string,
  allowed: readonly V[],
  build: (values: V[]) => TermBody,
): Parsed {
  const values = list(value.toLowerCase());
  const unknown = values.find((v) => !(allowed as readonly string[]).includes(v));
  if (unknown !== undefined || values.length === 0) {
    return { error: `${key}: "${unknown ?? value}" is not one of ${allowed.join(', ')}` };
  }
  return build(values as V[]);
}

function parseFilterNames(value: string): Parsed {
  const names = list(value);
  const bad = names.find((name) => !FILTER_NAME.test(name));
  if (bad !== undefined || names.length === 0) {
    return { error: `filter: "${bad ?? value}" is not a filter name (letters, digits, . _ -)` };
  }
  return { key: 'filter', names: names.map(filterKey) };
}

function parseStatus(value: string): Parsed {
  const ranges: StatusRange[] = [];
  for (const part of list(value.toLowerCase())) {
    const range = statusRange(part);
    if (!range) return { error: `status: "${part}" is not a status class (2xx…5xx), a code or none` };
    ranges.push(range);
  }
  return ranges.length === 0
    ? { error: 'status: needs a value, e.g. status:4xx' }
    : { key: 'status', ranges };
}

function statusRange(part: string): StatusRange | null {
  if (part === 'none') return { min: 0, max: 0 };
  if (/^[1-5]xx$/.test(part)) {
    const base = Number(part.charAt(0)) * 100;
    return { min: base, max: base + 99 };
  }
  if (/^[1-5]\d\d$/.test(part)) return { min: Number(part), max: Number(part) };
  return null;
}

const COMPARISON = /^(>=|<=|>|<|=)?(.+)$/;

function parseComparison(value: string): Parsed {
  const match = COMPARISON.exec(value);
  const op = (match?.[1] ?? '>=') as CompareOp;
  const amount = match?.[2] ?? '';
  const ms = parseDuration(amount) ?? (/^\d+(\.\d+)?$/.test(amount) ? Number(amount) : null);
  if (ms === null) return { error: `duration: "${value}" is not a comparison like >3s or <=250ms` };
  return { key: 'duration', op, ms };
}
