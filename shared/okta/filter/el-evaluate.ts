import type { Node } from './el-ast';
import type { Span } from './el-lexer';
import { readEventField, readTargetField, readTargets, type EventFieldPath } from './filter-fields';
import { render, snippet, Undecidable, type Value } from './el-values';

/** A part of the expression that decided the outcome, and what it saw. */
export interface Because {
  span: Span;
  text: string;
}

export type Verdict = 'pass' | 'drop' | 'unknown';

export interface EventVerdict {
  /** `pass`: Okta would deliver the event; `drop`: it would not; `unknown`: cannot be checked here. */
  verdict: Verdict;
  because: Because[];
}

/**
 * Work allowed per event, in expression parts evaluated: a selection costs one per target.
 * Events come from the public internet; a LogEvent names a handful of targets.
 */
export const MAX_STEPS = 50_000;
const MAX_BECAUSE = 12;

type Binary = Extract<Node, { kind: 'binary' }>;
type Call = Extract<Node, { kind: 'call' }>;
interface Scope {
  event: unknown;
  /** The target a selection's condition is looking at. */
  target?: unknown;
}
interface Decided {
  value: boolean;
  because: Because[];
}

/**
 * Evaluate an expression that `checkExpression` accepted against one raw LogEvent, as SpEL
 * (which Okta's EL is based on) evaluates it: left to right, `&&` and `||` short-circuiting.
 * Where the outcome is not documented the verdict is `unknown`, with where and why. Never throws.
 */
export function evaluateChecked(node: Node, source: string, event: unknown): EventVerdict {
  const evaluator = new Evaluator(source);
  try {
    const { value, because } = evaluator.bool(node, { event });
    return { verdict: value ? 'pass' : 'drop', because: because.slice(0, MAX_BECAUSE) };
  } catch (error) {
    if (error instanceof Undecidable) {
      return { verdict: 'unknown', because: [{ span: error.span, text: error.reason }] };
    }
    throw error;
  }
}

const concat = (a: Because[], b: Because[]) => [...a, ...b].slice(0, MAX_BECAUSE);

class Evaluator {
  private steps = 0;
  /** What a `.size()` counted, for its explanation: selected of how many. */
  private readonly counted = new Map<Node, string>();

  constructor(private readonly source: string) {}

  bool(node: Node, scope: Scope): Decided {
    this.tick(node.span);
    if (node.kind === 'binary' && (node.op === '&&' || node.op === '||')) return this.logical(node, scope);
    if (node.kind === 'unary') {
      const inner = this.bool(node.operand, scope);
      return { value: !inner.value, because: inner.because };
    }
    const { value, text } = this.leaf(node, scope);
    return { value, because: [{ span: node.span, text }] };
  }

  private logical(node: Binary, scope: Scope): Decided {
    const left = this.bool(node.left, scope);
    // SpEL does not evaluate the right side once the left one decides.
    if (left.value === (node.op === '||')) return left;
    const right = this.bool(node.right, scope);
    if (right.value === (node.op === '||')) return right;
    return { value: right.value, because: concat(left.because, right.because) };
  }

  private leaf(node: Node, scope: Scope): { value: boolean; text: string } {
    if (node.kind === 'binary') return this.compare(node, scope);
    if (node.kind === 'call' && node.name === 'contains') return this.contains(node, scope);
    const value = this.value(node, scope);
    if (value.t !== 'boolean')
      throw new Undecidable(node.span, `This is ${render(value)}, not true or false.`);
    return { value: value.v, text: snippet(this.source, node.span) };
  }

  private value(node: Node, scope: Scope): Value {
    this.tick(node.span);
    switch (node.kind) {
      case 'literal':
        return literalValue(node);
      case 'ident':
        return readTargetField(scope.target, node.name, node.span);
      case 'member':
        return readEventField(scope.event, memberPath(node) as EventFieldPath, node.span);
      case 'select':
        return this.select(node, scope);
      case 'call':
        return node.name === 'size' ? this.size(node, scope) : this.boolValue(node, scope);
      default:
        return this.boolValue(node, scope);
    }
  }

  private boolValue(node: Node, scope: Scope): Value {
    return { t: 'boolean', v: this.bool(node, scope).value };
  }

  private select(node: Extract<Node, { kind: 'select' }>, scope: Scope): Value {
    const targets = readTargets(scope.event, node.object?.span ?? node.span);
    if (targets.t !== 'list') return targets;
    const chosen = targets.items.filter(
      (target) => this.bool(node.predicate, { event: scope.event, target }).value,
    );
    this.counted.set(node, `${chosen.length} of ${targets.items.length} targets match`);
    return { t: 'list', items: chosen };
  }

  private size(node: Call, scope: Scope): Value {
    const list = node.object ? this.value(node.object, scope) : null;
    if (list?.t !== 'list') throw new Undecidable(node.span, '.size() applies to a selection.');
    const note = node.object ? this.counted.get(node.object) : undefined;
    if (note) this.counted.set(node, note);
    return { t: 'number', v: list.items.length };
  }

  private contains(node: Call, scope: Scope): { value: boolean; text: string } {
    const [argument] = node.args;
    const receiver = node.object ? this.value(node.object, scope) : null;
    const needle = argument ? this.value(argument, scope) : null;
    const said = node.object ? this.operand(node.object, receiver ?? { t: 'null' }) : '';
    if (receiver?.t !== 'string') {
      throw new Undecidable(
        node.span,
        `${said}: calling contains() on it fails in SpEL; Okta does not document the outcome.`,
      );
    }
    if (needle?.t !== 'string') {
      throw new Undecidable(node.span, 'contains(null) fails in SpEL; Okta does not document the outcome.');
    }
    return { value: receiver.v.includes(needle.v), text: said };
  }

  private compare(node: Binary, scope: Scope): { value: boolean; text: string } {
    const left = this.value(node.left, scope);
    const right = this.value(node.right, scope);
    const sides = [this.operand(node.left, left), this.operand(node.right, right)].filter((t) => t !== '');
    const text = sides.length === 0 ? snippet(this.source, node.span) : sides.join('; ');
    return { value: relate(node, left, right), text };
  }

  /** `event.outcome.result is 'FAILURE'`; empty for a literal, which speaks for itself. */
  private operand(node: Node, value: Value): string {
    if (node.kind === 'literal') return '';
    const note = this.counted.get(node);
    return `${snippet(this.source, node.span)} is ${render(value)}${note ? ` (${note})` : ''}`;
  }

  private tick(span: Span): void {
    this.steps += 1;
    if (this.steps > MAX_STEPS) {
      throw new Undecidable(
        span,
        `Checking this event took more than ${MAX_STEPS} steps; it is left unchecked.`,
      );
    }
  }
}

function literalValue(node: Extract<Node, { kind: 'literal' }>): Value {
  const { literal } = node;
  if (literal.type === 'string') return { t: 'string', v: literal.value };
  if (literal.type === 'number') return { t: 'number', v: literal.value };
  if (literal.type === 'boolean') return { t: 'boolean', v: literal.value };
  if (literal.type === 'null') return { t: 'null' };
  throw new Undecidable(node.span, `${literal.text} is ${literal.why}.`);
}

function memberPath(node: Node): string {
  if (node.kind !== 'member') return '';
  const parent = memberPath(node.object);
  return parent === '' ? node.name : `${parent}.${node.name}`;
}

/**
 * SpEL's comparisons on the subset's values: text with text exactly (case matters), numbers as
 * numbers, `== null` and `!= null` on anything. Ordering compares text by UTF-16 code unit, as
 * Java's compareTo does. Mixed types and ordering with null are not documented.
 */
function relate(node: Binary, left: Value, right: Value): boolean {
  if (node.op === '==' || node.op === '!=') return equal(node, left, right) === (node.op === '==');
  if (left.t === 'null' || right.t === 'null') {
    throw new Undecidable(node.span, `${node.text} with null: Okta does not document how null orders.`);
  }
  const order = ordering(left, right);
  if (order === null) {
    throw new Undecidable(node.span, `${node.text} between ${left.t} and ${right.t} is not documented.`);
  }
  return { '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0 }[node.op] ?? false;
}

const sign = <T extends string | number>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

function ordering(left: Value, right: Value): number | null {
  if (left.t === 'number' && right.t === 'number') return sign(left.v, right.v);
  if (left.t === 'string' && right.t === 'string') return sign(left.v, right.v);
  return null;
}

function equal(node: Binary, left: Value, right: Value): boolean {
  if (left.t === 'null' || right.t === 'null') return left.t === right.t;
  if (left.t === 'list' || right.t === 'list' || left.t !== right.t) {
    throw new Undecidable(node.span, `${node.text} between ${left.t} and ${right.t} is not documented.`);
  }
  return left.v === right.v;
}
