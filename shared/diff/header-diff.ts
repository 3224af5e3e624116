import type { HeaderList } from '../model/exchange';

export type HeaderChange =
  | { kind: 'added'; name: string; after: string }
  | { kind: 'removed'; name: string; before: string }
  | { kind: 'changed'; name: string; before: string; after: string };

/** Group values by lower-cased name; repeated headers compare as one list, in order. */
function byName(headers: HeaderList): Map<string, { name: string; values: string[] }> {
  const map = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of headers) {
    const entry = map.get(name.toLowerCase()) ?? { name, values: [] };
    entry.values.push(value);
    map.set(name.toLowerCase(), entry);
  }
  return map;
}

/** Differences between two header lists, names compared case-insensitively (as HTTP does). */
export function diffHeaders(before: HeaderList, after: HeaderList): HeaderChange[] {
  const a = byName(before);
  const b = byName(after);
  const changes: HeaderChange[] = [];
  for (const [key, { name, values }] of a) {
    const other = b.get(key);
    if (!other) changes.push({ kind: 'removed', name, before: values.join(', ') });
    else if (other.values.join('\n') !== values.join('\n')) {
      changes.push({ kind: 'changed', name, before: values.join(', '), after: other.values.join(', ') });
    }
  }
  for (const [key, { name, values }] of b) {
    if (!a.has(key)) changes.push({ kind: 'added', name, after: values.join(', ') });
  }
  return changes;
}
