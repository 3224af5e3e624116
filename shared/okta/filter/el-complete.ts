import type { FieldCatalog, FieldStat } from './field-catalog';
import { EVENT_FIELDS, TARGET_FIELDS } from './filter-fields';
import { LexError, tokenize, type Span, type Token } from './el-lexer';

export interface Completion {
  label: string;
  /** Replaces `span` of the expression. */
  insert: string;
  /** e.g. "in 38 of 40 captured events". */
  detail: string;
  kind: 'field' | 'value' | 'operator' | 'snippet';
}

export interface Completions {
  span: Span;
  items: Completion[];
}

const LIMIT = 12;
const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
const NONE: (at: number) => Completions = (at) => ({ span: { start: at, end: at }, items: [] });

/**
 * What may come at the caret: fields after `event.`, a target's fields inside `?[…]`, values
 * seen in the captured events inside a string after `eq`, operators after a value. Fields
 * carry how many captured events of the type had them. Never throws.
 */
export function complete(text: string, caret: number, catalog: FieldCatalog | null): Completions {
  const prefix = text.slice(0, caret);
  const lexed = lex(prefix);
  if (lexed === null) return NONE(caret);
  const { tokens, openString } = lexed;
  const inTarget = selectionDepth(tokens) > 0;
  if (openString !== null) return values(tokens, openString, caret, inTarget, catalog);
  const last = tokens.at(-1);
  const typing = last?.kind === 'ident' && last.span.end === caret ? last : null;
  const before = typing ? tokens.slice(0, -1) : tokens;
  const span = typing ? typing.span : { start: caret, end: caret };
  const word = typing?.text ?? '';
  const previous = before.at(-1);
  const items = isOp(previous, '.')
    ? members(before.slice(0, -1), catalog)
    : startsValue(previous)
      ? starts(inTarget, catalog)
      : typing === null && /\s$/.test(prefix)
        ? operators(before)
        : [];
  return { span, items: items.filter((item) => item.label.startsWith(word)).slice(0, LIMIT) };
}

function lex(prefix: string): { tokens: Token[]; openString: number | null } | null {
  try {
    return { tokens: tokenize(prefix).slice(0, -1), openString: null };
  } catch (error) {
    const start = error instanceof LexError ? error.span.start : -1;
    if (!/['"]/.test(prefix.charAt(start))) return null;
    try {
      return { tokens: tokenize(prefix.slice(0, start)).slice(0, -1), openString: start };
    } catch {
      return null;
    }
  }
}

const isOp = (token: Token | undefined, op: string) => token?.kind === 'op' && token.op === op;

function selectionDepth(tokens: Token[]): number {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind !== 'op') continue;
    if (token.op === '?[') depth += 1;
    else if (token.op === ']' && depth > 0) depth -= 1;
  }
  return depth;
}

/** `event.a.b` ending the tokens, as `a.b`; null when they do not end with such a path. */
function pathBefore(tokens: Token[]): { path: string; target: boolean } | null {
  const names: string[] = [];
  let at = tokens.length - 1;
  for (; at >= 0; at -= 2) {
    const token = tokens[at];
    if (token?.kind !== 'ident') return null;
    names.unshift(token.text);
    if (!isOp(tokens[at - 1], '.')) break;
  }
  if (names[0] === 'event') return { path: names.slice(1).join('.'), target: false };
  return names.length === 1 && names[0] !== undefined ? { path: names[0], target: true } : null;
}

const seen = (stat: FieldStat | undefined, catalog: FieldCatalog | null) =>
  catalog === null ? '' : `in ${stat?.present ?? 0} of ${catalog.events} captured events`;

function members(tokens: Token[], catalog: FieldCatalog | null): Completion[] {
  if (isOp(tokens.at(-1), ']'))
    return [
      { label: 'size()', insert: 'size()', detail: 'how many targets the selection kept', kind: 'field' },
    ];
  const parent = pathBefore(tokens);
  if (parent === null || parent.target) return [];
  if (parent.path === 'target') {
    return [
      { label: '?[', insert: '?[', detail: "select targets, e.g. ?[type eq 'UserGroup']", kind: 'operator' },
    ];
  }
  const field = EVENT_FIELDS.find((f) => f.path === parent.path);
  if (field)
    return [{ label: 'contains()', insert: "contains('')", detail: 'text contains text', kind: 'operator' }];
  const under = parent.path === '' ? '' : `${parent.path}.`;
  const children = new Map<string, Completion>();
  for (const { path } of EVENT_FIELDS) {
    if (!path.startsWith(under)) continue;
    const [name = '', ...rest] = path.slice(under.length).split('.');
    const stat = catalog?.fields.find((f) => f.path === path);
    children.set(name, {
      label: name,
      insert: rest.length > 0 ? `${name}.` : name,
      detail: rest.length > 0 ? '' : seen(stat, catalog),
      kind: 'field',
    });
  }
  if (parent.path === '')
    children.set('target', {
      label: 'target',
      insert: 'target.?[',
      detail: 'select targets: ?[type eq …]',
      kind: 'field',
    });
  return [...children.values()];
}

function startsValue(previous: Token | undefined): boolean {
  if (previous === undefined) return true;
  return previous.kind === 'op' && ['&&', '||', '(', '!', '?['].includes(previous.op);
}

function starts(inTarget: boolean, catalog: FieldCatalog | null): Completion[] {
  if (inTarget) {
    return TARGET_FIELDS.map((field) => ({
      label: field,
      insert: field,
      detail: "a target's field",
      kind: 'field',
    }));
  }
  const group = catalog?.targets[0];
  const name = group?.fields.find((f) => f.path === 'displayName')?.values[0]?.value ?? '';
  const snippet = group
    ? `event.target.?[type eq ${quote(group.type)} && displayName eq ${quote(name)}].size() > 0`
    : "event.target.?[type eq 'UserGroup' && displayName eq ''].size() > 0";
  return [
    { label: 'event', insert: 'event.', detail: 'the LogEvent', kind: 'field' },
    {
      label: 'event.target.?[…].size() > 0',
      insert: snippet,
      detail: 'events naming a target',
      kind: 'snippet',
    },
  ];
}

function operators(tokens: Token[]): Completion[] {
  const last = tokens.at(-1);
  const op = (label: string, detail: string): Completion => ({
    label,
    insert: `${label} `,
    detail,
    kind: 'operator',
  });
  if (isOp(last, ')') && tokens.at(-3)?.kind === 'ident') return [op('>', 'more than'), op('==', 'exactly')];
  if (last?.kind === 'ident' && pathBefore(tokens) !== null)
    return [op('eq', 'equals (case matters)'), op('ne', 'differs from')];
  if (last?.kind === 'string' || last?.kind === 'number' || isOp(last, ')') || isOp(last, ']')) {
    return [op('&&', 'and'), op('||', 'or')];
  }
  return [];
}

function values(
  tokens: Token[],
  start: number,
  caret: number,
  inTarget: boolean,
  catalog: FieldCatalog | null,
): Completions {
  const span = { start, end: caret };
  const operator = tokens.at(-1);
  const contains = isOp(operator, '(') && tokens.at(-2)?.kind === 'ident';
  const compared = operator?.kind === 'op' && ['==', '!='].includes(operator.op);
  if (catalog === null || (!contains && !compared)) return { span, items: [] };
  const path = pathBefore(tokens.slice(0, contains ? -3 : -1));
  const stats =
    path === null
      ? undefined
      : path.target && inTarget
        ? targetStats(tokens, path.path, catalog)
        : catalog.fields.find((f) => f.path === path.path);
  const items = (stats?.values ?? []).map(({ value, count }) => ({
    label: value,
    insert: quote(value),
    detail: `${count}×`,
    kind: 'value' as const,
  }));
  return { span, items: items.slice(0, LIMIT) };
}

/** Values of a target field, of the type the selection names if it names one. */
function targetStats(tokens: Token[], field: string, catalog: FieldCatalog): FieldStat | undefined {
  const open = tokens.findLastIndex((token) => isOp(token, '?['));
  const inside = tokens.slice(open + 1);
  const typeAt = inside.findIndex(
    (token, i) => token.kind === 'ident' && token.text === 'type' && inside[i + 2]?.kind === 'string',
  );
  const named = typeAt === -1 ? undefined : inside[typeAt + 2];
  const groups = catalog.targets.filter((group) => named?.kind !== 'string' || group.type === named.value);
  const tally = new Map<string, number>();
  for (const group of groups) {
    for (const { value, count } of group.fields.find((f) => f.path === field)?.values ?? [])
      tally.set(value, (tally.get(value) ?? 0) + count);
  }
  const values = [...tally].sort((a, b) => b[1] - a[1]).map(([value, count]) => ({ value, count }));
  return { path: field, present: values.length, values };
}
