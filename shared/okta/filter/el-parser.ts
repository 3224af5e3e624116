import type { Literal, Node } from './el-ast';
import { describe, ParseError, TokenCursor } from './el-cursor';
import { LexError, tokenize, type Span, type Token } from './el-lexer';

export { ParseError };

/** Longer expressions are not read here (a filter is a line or two; Okta states no limit). */
export const MAX_EXPRESSION_LENGTH = 20_000;

export type Parsed = { ok: true; node: Node } | { ok: false; error: ParseError };

const RELATIONAL = new Set(['==', '!=', '<', '<=', '>', '>=']);
const RELATIONAL_WORDS = new Set(['instanceof', 'matches', 'between']);
const SELECTIONS: Record<string, '?' | '^' | '$'> = { '?[': '?', '^[': '^', '$[': '$' };

const join = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

/**
 * Parse an expression with SpEL's grammar and precedence (Spring's InternalSpelExpressionParser):
 * `||` < `&&` < one relational operator (comparisons do not chain) < `+ -` < `* / %` < `^` <
 * unary `! - +` < a value with its `.property`, `.method()`, `.?[selection]` and `[index]`.
 * Never throws: the first problem is returned with where it is.
 */
export function parseExpression(text: string): Parsed {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    const span = { start: MAX_EXPRESSION_LENGTH, end: text.length };
    return { ok: false, error: new ParseError(span, `Longer than ${MAX_EXPRESSION_LENGTH} characters.`) };
  }
  try {
    const parser = new Parser(tokenize(text));
    return { ok: true, node: parser.whole() };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error };
    if (error instanceof LexError) return { ok: false, error: new ParseError(error.span, error.message) };
    throw error;
  }
}

class Parser extends TokenCursor {
  whole(): Node {
    const first = this.peek();
    if (first.kind === 'eof') throw new ParseError(first.span, 'The expression is empty.');
    const node = this.expression();
    const next = this.peek();
    if (next.kind !== 'eof') {
      throw new ParseError(next.span, `Unexpected ${describe(next)} after a complete expression.`);
    }
    return node;
  }

  private expression(): Node {
    this.enter();
    const left = this.logical('||', 'or', () => this.logical('&&', 'and', () => this.relational()));
    let node = left;
    if (this.isOp('=')) node = this.tail('assign', left);
    else if (this.isOp('?:')) node = this.tail('elvis', left);
    else if (this.isOp('?')) {
      this.next();
      const then = this.expression();
      this.expect(':', 'Expected : in this conditional (a ? b : c).');
      const otherwise = this.expression();
      node = { kind: 'ternary', span: join(left.span, otherwise.span), test: left, then, otherwise };
    }
    this.depth -= 1;
    return node;
  }

  private tail(kind: 'assign' | 'elvis', left: Node): Node {
    this.next();
    const right = this.logical('||', 'or', () => this.logical('&&', 'and', () => this.relational()));
    const span = join(left.span, right.span);
    return kind === 'assign' ? { kind, span, target: left, value: right } : { kind, span, left, right };
  }

  private logical(symbol: string, word: string, operand: () => Node): Node {
    let left = operand();
    for (;;) {
      const token = this.peek();
      const isWord = token.kind === 'ident' && token.text.toLowerCase() === word;
      if (!this.isOp(symbol) && !isWord) return left;
      this.next();
      const right = operand();
      const text = token.kind === 'op' || token.kind === 'ident' ? token.text : symbol;
      left = {
        kind: 'binary',
        span: join(left.span, right.span),
        op: symbol,
        text,
        opSpan: token.span,
        left,
        right,
      };
    }
  }

  private relational(): Node {
    const left = this.arithmetic(['+', '-'], () => this.arithmetic(['*', '/', '%'], () => this.power()));
    const token = this.peek();
    const word = token.kind === 'ident' && RELATIONAL_WORDS.has(token.text.toLowerCase());
    if (!(token.kind === 'op' && RELATIONAL.has(token.op)) && !word) return left;
    this.next();
    const right = this.arithmetic(['+', '-'], () => this.arithmetic(['*', '/', '%'], () => this.power()));
    const op =
      token.kind === 'op' ? token.op : word && token.kind === 'ident' ? token.text.toLowerCase() : '';
    const text = token.kind === 'op' || token.kind === 'ident' ? token.text : op;
    return { kind: 'binary', span: join(left.span, right.span), op, text, opSpan: token.span, left, right };
  }

  private arithmetic(ops: string[], operand: () => Node): Node {
    let left = operand();
    for (let token = this.peek(); token.kind === 'op' && ops.includes(token.op); token = this.peek()) {
      this.next();
      const right = operand();
      left = {
        kind: 'binary',
        span: join(left.span, right.span),
        op: token.op,
        text: token.text,
        opSpan: token.span,
        left,
        right,
      };
    }
    return left;
  }

  private power(): Node {
    const base = this.unary();
    const token = this.peek();
    let node = base;
    if (token.kind === 'op' && token.op === '^') {
      this.next();
      const right = this.unary();
      node = {
        kind: 'binary',
        span: join(base.span, right.span),
        op: '^',
        text: '^',
        opSpan: token.span,
        left: base,
        right,
      };
    }
    const after = this.peek();
    if (after.kind === 'op' && (after.op === '++' || after.op === '--')) {
      this.next();
      node = {
        kind: 'unary',
        span: join(node.span, after.span),
        op: after.op,
        text: after.text,
        operand: node,
      };
    }
    return node;
  }

  private unary(): Node {
    const token = this.peek();
    if (token.kind === 'op' && ['!', '-', '+', '++', '--'].includes(token.op)) {
      this.next();
      this.enter();
      const operand = this.unary();
      this.depth -= 1;
      return { kind: 'unary', span: join(token.span, operand.span), op: token.op, text: token.text, operand };
    }
    return this.postfix(this.start());
  }

  private start(): Node {
    const token = this.peek();
    if (token.kind === 'string') return this.literal({ type: 'string', value: token.value });
    if (token.kind === 'number') return this.literal({ type: 'number', value: token.value });
    if (token.kind === 'exotic-number')
      return this.literal({ type: 'exotic', text: token.text, why: token.why });
    if (token.kind === 'ident') return this.name(token);
    if (token.kind === 'op') return this.symbolStart(token);
    throw new ParseError(token.span, 'The expression ends where a value was expected.');
  }

  private literal(literal: Literal): Node {
    return { kind: 'literal', span: this.next().span, literal };
  }

  private name(token: Extract<Token, { kind: 'ident' }>): Node {
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') {
      return this.literal({ type: 'boolean', value: lower === 'true', text: token.text });
    }
    if (lower === 'null') return this.literal({ type: 'null', text: token.text });
    this.next();
    if (token.text === 'T' && this.isOp('(')) return this.construct(token.span, 'a type reference T(…)');
    if (token.text === 'new' && this.peek().kind === 'ident')
      return this.construct(token.span, 'a constructor (new …)');
    if (this.isOp('(')) return this.call(null, token, false);
    return { kind: 'ident', span: token.span, name: token.text };
  }

  private symbolStart(token: Extract<Token, { kind: 'op' }>): Node {
    if (token.op === '(') {
      this.next();
      const inner = this.expression();
      const close = this.expect(')', 'Expected ) to close the ( here.', token.span);
      return { ...inner, span: join(token.span, close.span) };
    }
    if (token.op === '#') return this.construct(this.next().span, 'a variable (#…)');
    if (token.op === '@' || token.op === '&') return this.construct(this.next().span, 'a bean reference');
    if (token.op === '{') return this.construct(token.span, 'an inline list or map {…}');
    const dotless = this.bracketed(null);
    if (dotless) return dotless;
    throw new ParseError(token.span, `Expected a value where ${describe(token)} is.`);
  }

  /** `?[…]`, `^[…]`, `$[…]`, `![…]` or `[…]` applied to `object`; null when none starts here. */
  private bracketed(object: Node | null): Node | null {
    const token = this.peek();
    if (token.kind !== 'op') return null;
    const mode = SELECTIONS[token.op];
    const project = token.op === '![';
    if (mode === undefined && !project && token.op !== '[') return null;
    this.next();
    const inner = this.expression();
    const close = this.expect(']', 'Expected ] to close the [ here.', token.span);
    const span = join(object?.span ?? token.span, close.span);
    if (mode !== undefined) return { kind: 'select', span, object, mode, predicate: inner };
    if (project) return { kind: 'project', span, object, expression: inner };
    return { kind: 'index', span, object, index: inner };
  }

  private postfix(start: Node): Node {
    let node = start;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'op' && token.op === '[') node = this.bracketed(node) ?? node;
      else if (token.kind === 'op' && (token.op === '.' || token.op === '?.'))
        node = this.dotted(node, token.op === '?.');
      else return node;
    }
  }

  private dotted(object: Node, safe: boolean): Node {
    const dot = this.next();
    const token = this.peek();
    if (token.kind === 'ident') {
      this.next();
      if (this.isOp('(')) return this.call(object, token, safe);
      return { kind: 'member', span: join(object.span, token.span), object, name: token.text, safe };
    }
    if (token.kind === 'op' && token.op !== '[') {
      const bracketed = this.bracketed(object);
      if (bracketed) return bracketed;
      if (token.op === '#') return this.construct(this.next().span, 'a variable (#…)');
    }
    const at = token.kind === 'eof' ? dot.span : token.span;
    throw new ParseError(at, `Expected a name after ${safe ? '?.' : '.'}`);
  }

  private call(object: Node | null, name: Extract<Token, { kind: 'ident' }>, safe: boolean): Node {
    const open = this.next();
    const args: Node[] = [];
    if (!this.isOp(')')) {
      args.push(this.expression());
      while (this.isOp(',')) {
        this.next();
        args.push(this.expression());
      }
    }
    const close = this.expect(')', `Expected ) to close the arguments of ${name.text}(.`, open.span);
    const span = join(object?.span ?? name.span, close.span);
    return { kind: 'call', span, object, name: name.text, args, safe };
  }

  /** Skip what follows (balanced brackets) of a construct the subset never evaluates. */
  private construct(from: Span, what: string): Node {
    let end = from.end;
    let depth = 0;
    for (let token = this.peek(); token.kind !== 'eof'; token = this.peek()) {
      const op = token.kind === 'op' ? token.op : '';
      const opens = op === '(' || op === '{' || op.endsWith('[');
      const closes = op === ')' || op === '}' || op === ']';
      if (depth === 0 && !opens && !(token.kind === 'ident' || op === '.')) break;
      if (closes && depth === 0) break;
      depth += opens ? 1 : closes ? -1 : 0;
      end = this.next().span.end;
      if (depth === 0 && closes) break;
    }
    return { kind: 'construct', span: { start: from.start, end }, what };
  }
}
