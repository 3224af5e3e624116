import type { Node } from './el-ast';
import type { Span } from './el-lexer';
import { isEventField, isFieldPrefix, isTargetField, listFields } from './filter-fields';

/**
 * `error`: Okta would refuse it or it can never work (a syntax error, not true-or-false).
 * `unsupported`: valid SpEL outside the documented subset: it cannot be checked here.
 */
export type Severity = 'error' | 'unsupported';

export interface Diagnostic {
  severity: Severity;
  span: Span;
  message: string;
}

/** `event`, `event.actor`, `event.target`: steps on the way to a value, not values. */
type Pseudo = 'event' | 'object' | 'targets';
type ValueType = 'boolean' | 'string' | 'number' | 'null' | 'list';
type Type = ValueType | Pseudo | 'invalid';

type Scope = 'event' | 'target';
type Binary = Extract<Node, { kind: 'binary' }>;

const MAX_DIAGNOSTICS = 20;
const SYMBOL_OF: Record<string, string> = { '==': 'eq', '!=': 'ne' };
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '^']);
const EQUALITY = new Set(['==', '!=']);
const ORDERING = new Set(['<', '<=', '>', '>=']);

const nameOf = (type: Type) =>
  ({
    boolean: 'true or false',
    string: 'text',
    number: 'a number',
    null: 'null',
    list: 'a list',
    event: 'the event itself',
    object: 'an object',
    targets: 'the target list',
    invalid: 'not checkable',
  })[type];

/**
 * What the documented subset of Okta's Expression Language for event hook filters can check,
 * statically: the fields filters read, `?[…]` on `event.target`, `.size()`, `.contains()`,
 * comparisons, `&&`, `||`, `!`, and literals; the expression must come out true or false.
 * Everything else is named, with where it is.
 */
export function checkExpression(node: Node): Diagnostic[] {
  const checker = new Checker();
  const type = checker.type(node, 'event');
  if (type !== 'boolean' && type !== 'invalid') {
    checker.report('error', node.span, `A filter must come out true or false; this is ${nameOf(type)}.`);
  }
  return checker.diagnostics;
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];

  report(severity: Severity, span: Span, message: string): 'invalid' {
    if (this.diagnostics.length < MAX_DIAGNOSTICS) this.diagnostics.push({ severity, span, message });
    return 'invalid';
  }

  /** `why` is a sentence: the UI says "cannot be checked locally" before it. */
  unsupported(span: Span, why: string): 'invalid' {
    return this.report('unsupported', span, why);
  }

  type(node: Node, scope: Scope): Type {
    switch (node.kind) {
      case 'literal':
        return this.literal(node);
      case 'ident':
      case 'member':
        return this.path(node, scope);
      case 'call':
        return this.call(node, scope);
      case 'select':
        return this.select(node, scope);
      case 'unary':
        return this.not(node, scope);
      case 'binary':
        return this.binary(node, scope);
      case 'project':
        return this.unsupported(node.span, 'Projections (.![…]) are not in the documented subset.');
      case 'index':
        return this.unsupported(node.span, 'Indexing ([…]) is not in the documented subset.');
      case 'ternary':
        return this.unsupported(node.span, 'Conditionals (a ? b : c) are not in the documented subset.');
      case 'elvis':
        return this.unsupported(node.span, 'The Elvis operator (?:) is not in the documented subset.');
      case 'assign':
        return this.report(
          'error',
          node.span,
          'An assignment (=) is not a condition: compare with eq or ==.',
        );
      case 'construct':
        return this.unsupported(node.span, `This is ${node.what}, not in the documented subset.`);
    }
  }

  /** A value for an operand: the steps towards a field are not one. */
  private value(node: Node, scope: Scope): Type {
    const type = this.type(node, scope);
    if (type === 'event' || type === 'object' || type === 'targets') {
      return this.unsupported(node.span, `This is ${nameOf(type)}, not a value a filter compares.`);
    }
    return type;
  }

  private unsafe(span: Span): 'invalid' {
    return this.unsupported(span, 'Safe navigation (?.) is not in the documented subset.');
  }

  private literal(node: Extract<Node, { kind: 'literal' }>): Type {
    const { literal } = node;
    if (literal.type === 'exotic') {
      return this.unsupported(node.span, `${literal.text} is ${literal.why}, not in the documented subset.`);
    }
    if (literal.type === 'boolean' && literal.text !== String(literal.value)) {
      return this.unsupported(node.span, `Okta writes ${String(literal.value)} in lower case.`);
    }
    if (literal.type === 'null' && literal.text !== 'null') {
      return this.unsupported(node.span, 'Okta writes null in lower case.');
    }
    return literal.type;
  }

  private path(node: Extract<Node, { kind: 'ident' | 'member' }>, scope: Scope): Type {
    if (scope === 'target') return this.targetPath(node);
    const root = rootOf(node);
    if (root.kind !== 'ident') {
      // `T(…).x`, `a[0].x`: what the chain starts from is what is outside the subset.
      const start = this.type(root, scope);
      return start === 'invalid' ? start : this.unsupported(node.span, 'Filters read fields of event only.');
    }
    const path = eventPath(node);
    if (path === null) {
      if (node.kind === 'member' && node.safe) return this.unsafe(node.span);
      return this.unsupported(node.span, `Filters read fields of event (${listFields()}), not ${root.name}.`);
    }
    if (path === '') return 'event';
    if (isEventField(path)) return 'string';
    if (path === 'target') return 'targets';
    if (isFieldPrefix(path)) return 'object';
    return this.unsupported(node.span, `Filters read ${listFields()}; event.${path} is not among them.`);
  }

  private targetPath(node: Extract<Node, { kind: 'ident' | 'member' }>): Type {
    if (node.kind === 'ident' && isTargetField(node.name)) return 'string';
    return this.unsupported(
      node.span,
      "Inside ?[…] a filter reads a target's id, type, alternateId or displayName.",
    );
  }

  private call(node: Extract<Node, { kind: 'call' }>, scope: Scope): Type {
    if (node.object === null) {
      return this.unsupported(
        node.span,
        `${node.name}() is a function; the subset has .size() and .contains(…).`,
      );
    }
    if (node.safe) return this.unsafe(node.span);
    const receiver = this.type(node.object, scope);
    if (receiver === 'invalid') return receiver;
    if (node.name === 'size' && node.args.length === 0) {
      if (receiver === 'list') return 'number';
      return this.unsupported(node.span, `.size() counts a selection; this is ${nameOf(receiver)}.`);
    }
    const [argument] = node.args;
    if (node.name === 'contains' && node.args.length === 1 && argument) {
      const needle = this.value(argument, scope);
      if (needle === 'invalid') return needle;
      if (receiver === 'string' && needle === 'string') return 'boolean';
      const sides = `${nameOf(receiver)} and ${nameOf(needle)}`;
      return this.unsupported(node.span, `.contains(…) looks for text in text; here it has ${sides}.`);
    }
    const count = node.args.length === 1 ? '1 argument' : `${node.args.length} arguments`;
    return this.unsupported(
      node.span,
      `.${node.name}() with ${count} is not in the subset (.size() and .contains(text) are).`,
    );
  }

  private select(node: Extract<Node, { kind: 'select' }>, scope: Scope): Type {
    if (node.mode !== '?') {
      return this.unsupported(
        node.span,
        `First and last selections (${node.mode}[…]) are not in the subset; .?[…] is.`,
      );
    }
    const source = node.object === null ? 'invalid' : this.type(node.object, scope);
    if (source !== 'targets') {
      return source === 'invalid' && node.object !== null
        ? 'invalid'
        : this.unsupported(node.span, 'A selection (?[…]) applies to event.target only.');
    }
    const condition = this.value(node.predicate, 'target');
    if (condition !== 'boolean' && condition !== 'invalid') {
      return this.report(
        'error',
        node.predicate.span,
        `The condition inside ?[…] must be true or false; this is ${nameOf(condition)}.`,
      );
    }
    return 'list';
  }

  private not(node: Extract<Node, { kind: 'unary' }>, scope: Scope): Type {
    if (node.op !== '!')
      return this.unsupported(node.span, `Arithmetic (${node.text}) is not in the subset.`);
    if (node.text !== '!') return this.unsupported(node.span, `Okta documents ! for not, not ${node.text}.`);
    const operand = this.value(node.operand, scope);
    if (operand === 'boolean' || operand === 'invalid') return operand;
    return this.unsupported(node.span, `! applies to a condition; this is ${nameOf(operand)}.`);
  }

  private binary(node: Binary, scope: Scope): Type {
    if (node.op === '&&' || node.op === '||') return this.logical(node, scope);
    if (EQUALITY.has(node.op) || ORDERING.has(node.op)) return this.comparison(node, scope);
    if (ARITHMETIC.has(node.op))
      return this.unsupported(node.span, `Arithmetic (${node.text}) is not in the subset.`);
    return this.unsupported(node.span, `The ${node.text} operator is not in the documented subset.`);
  }

  private logical(node: Binary, scope: Scope): Type {
    const left = this.value(node.left, scope);
    const right = this.value(node.right, scope);
    if (node.text !== node.op) {
      return this.unsupported(
        node.opSpan,
        `Okta documents ${node.op} for event hook filters, not ${node.text}.`,
      );
    }
    if (left === 'invalid' || right === 'invalid') return 'invalid';
    if (left === 'boolean' && right === 'boolean') return 'boolean';
    const other = left === 'boolean' ? right : left;
    return this.unsupported(node.span, `${node.op} joins conditions; one side here is ${nameOf(other)}.`);
  }

  private comparison(node: Binary, scope: Scope): Type {
    const left = this.value(node.left, scope);
    const right = this.value(node.right, scope);
    if (node.text !== node.op && node.text !== SYMBOL_OF[node.op]) {
      const documented = [node.op, SYMBOL_OF[node.op]].filter(Boolean).join(' or ');
      return this.unsupported(
        node.opSpan,
        `Okta documents ${documented} for this comparison, not ${node.text}.`,
      );
    }
    if (left === 'invalid' || right === 'invalid') return 'invalid';
    if (EQUALITY.has(node.op) && (left === right || left === 'null' || right === 'null') && left !== 'list') {
      return 'boolean';
    }
    if (ORDERING.has(node.op) && left === right && (left === 'number' || left === 'string')) return 'boolean';
    const sides = `${nameOf(left)} and ${nameOf(right)}`;
    return this.unsupported(node.span, `Okta does not document ${node.text} between ${sides}.`);
  }
}

/** `event.a.b` as `a.b` (`''` for `event`); null when it does not start at `event`. */
function eventPath(node: Node): string | null {
  if (node.kind === 'ident') return node.name === 'event' ? '' : null;
  if (node.kind !== 'member' || node.safe) return null;
  const parent = eventPath(node.object);
  if (parent === null) return null;
  return parent === '' ? node.name : `${parent}.${node.name}`;
}

function rootOf(node: Node): Node {
  let root = node;
  while (root.kind === 'member') root = root.object;
  return root;
}
