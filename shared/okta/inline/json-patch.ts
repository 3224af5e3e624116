import { isRecord } from '../json-access';

/** One JSON Patch operation as an answer carries it, not yet trusted. */
export interface PatchOp {
  /** Position in the answer's op array. */
  index: number;
  op: string;
  path: string;
  value?: unknown;
  hasValue: boolean;
}

/**
 * RFC 6901 reference tokens: `~1` is `/`, `~0` is `~`; any other `~` makes the pointer invalid.
 * Returns null for a pointer that is not absolute or not well escaped.
 */
export function parsePointer(pointer: string): string[] | null {
  if (!pointer.startsWith('/')) return null;
  const tokens = pointer.slice(1).split('/');
  if (tokens.some((token) => /~(?![01])/.test(token))) return null;
  return tokens.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const ARRAY_INDEX = /^(0|[1-9][0-9]{0,8})$/;

function arrayIndex(array: unknown[], token: string, forAdd: boolean): number | null {
  if (forAdd && token === '-') return array.length;
  if (!ARRAY_INDEX.test(token)) return null;
  const index = Number(token);
  return index < array.length || (forAdd && index === array.length) ? index : null;
}

/** The container that holds the last token, or an error message in JSON Patch's terms. */
function parentOf(doc: unknown, tokens: string[]): { parent: unknown } | { error: string } {
  let current = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current)) {
      const index = arrayIndex(current, token, false);
      if (index === null) return { error: 'path not found' };
      current = current[index];
    } else if (isRecord(current) && Object.hasOwn(current, token)) {
      current = current[token];
    } else {
      return { error: 'path not found' };
    }
  }
  return { parent: current };
}

/**
 * Apply one operation (`add`, `replace` or `remove`) to `doc` in place, as RFC 6902 does:
 * `add` needs the parent to exist, `replace` and `remove` need the target to exist. Returns
 * null when it applied, or why not. `doc` is the caller's clone.
 */
export function applyOp(doc: unknown, op: PatchOp): string | null {
  const tokens = parsePointer(op.path);
  if (tokens === null || tokens.length === 0) return 'the path is not a valid JSON Pointer';
  const found = parentOf(doc, tokens);
  if ('error' in found) return found.error;
  const { parent } = found;
  const last = tokens[tokens.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const index = arrayIndex(parent, last, op.op === 'add');
    if (index === null) return 'array index out of range';
    if (op.op === 'add') parent.splice(index, 0, op.value);
    else if (op.op === 'replace') parent[index] = op.value;
    else parent.splice(index, 1);
    return null;
  }
  if (!isRecord(parent)) return 'path not found';
  if (op.op !== 'add' && !Object.hasOwn(parent, last)) return 'path not found';
  if (op.op === 'remove') delete parent[last];
  else parent[last] = op.value;
  return null;
}

/** Read `{op, path, value}` objects; anything else is reported by index. */
export function readOps(value: unknown): { ops: PatchOp[]; bad: number[] } {
  const ops: PatchOp[] = [];
  const bad: number[] = [];
  if (!Array.isArray(value)) return { ops, bad };
  value.forEach((item, index) => {
    if (!isRecord(item) || typeof item.op !== 'string' || typeof item.path !== 'string') {
      bad.push(index);
      return;
    }
    const hasValue = Object.hasOwn(item, 'value');
    ops.push({ index, op: item.op, path: item.path, hasValue, ...(hasValue ? { value: item.value } : {}) });
  });
  return { ops, bad };
}

/** A deep copy of plain JSON, to patch without touching the request. */
export const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;
