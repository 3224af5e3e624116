/** One difference between two JSON documents, at a path like `data.events[0].outcome.result`. */
export type JsonChange =
  | { kind: 'added'; path: string; after: unknown }
  | { kind: 'removed'; path: string; before: unknown }
  | { kind: 'changed'; path: string; before: unknown; after: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const keyPath = (base: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (base === '' ? key : `${base}.${key}`) : `${base}[${JSON.stringify(key)}]`;

/**
 * Differences between two parsed JSON values, key order ignored (Okta's key order is not stable);
 * arrays are compared by position.
 */
export function diffJson(
  before: unknown,
  after: unknown,
  path = '',
  changes: JsonChange[] = [],
): JsonChange[] {
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) {
      if (!(key in after)) changes.push({ kind: 'removed', path: keyPath(path, key), before: before[key] });
      else diffJson(before[key], after[key], keyPath(path, key), changes);
    }
    for (const key of Object.keys(after)) {
      if (!(key in before)) changes.push({ kind: 'added', path: keyPath(path, key), after: after[key] });
    }
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i += 1) {
      const itemPath = `${path}[${i}]`;
      if (i >= after.length) changes.push({ kind: 'removed', path: itemPath, before: before[i] });
      else if (i >= before.length) changes.push({ kind: 'added', path: itemPath, after: after[i] });
      else diffJson(before[i], after[i], itemPath, changes);
    }
    return changes;
  }
  if (!Object.is(before, after))
    changes.push({ kind: 'changed', path: path === '' ? '(root)' : path, before, after });
  return changes;
}
