import { FILTER_HELP, type FilterKey } from './query-terms';

const KEYS = Object.keys(FILTER_HELP) as FilterKey[];

/** Edits (insert, delete, replace) from one word to another: how close a typo is to a key. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const replace = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(replace, (previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * Why `key:value` with a key the syntax does not have is not searched: it names the key, the
 * nearest known one (a typo of it), every key, and how to search the text itself. A URL
 * (`https://…`) is not a field at all: null, and it stays text.
 */
export function unknownKeyProblem(
  key: string,
  value: string,
  quoted: boolean,
  negated = false,
): string | null {
  if (!quoted && value.startsWith('//')) return null;
  const word = key.toLowerCase();
  // Keys are short: a far longer word is no typo of one. Checked before comparing, so a hostile
  // 10,000-letter key costs nothing.
  const near = word.length > 20 ? [] : KEYS.filter((known) => distance(word, known) <= 2);
  const guess = near[0] === undefined ? '' : ` (did you mean ${near[0]}:?)`;
  // The phrase as the search box reads it back: quotes and backslashes escaped, an exclusion kept.
  const phrase = `${negated ? '-' : ''}"${`${key}:${value}`.replace(/["\\]/g, '\\$&')}"`;
  return (
    `${key}: is not a search field${guess}; the fields are ${KEYS.map((k) => `${k}:`).join(' ')}` +
    `; to find the text itself, put it in quotes: ${phrase}`
  );
}
