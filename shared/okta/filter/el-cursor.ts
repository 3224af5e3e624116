import { type Span, type Token } from './el-lexer';

/** Nesting deeper than this is refused before it can exhaust the stack. */
export const MAX_DEPTH = 100;

export class ParseError extends Error {
  constructor(
    readonly span: Span,
    override readonly message: string,
  ) {
    super(message);
  }
}

/** Walks the tokens for the parser: look ahead, take, expect, and count nesting. */
export class TokenCursor {
  private at = 0;
  protected depth = 0;

  constructor(private readonly tokens: Token[]) {}

  protected enter(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      throw new ParseError(this.peek().span, `Nested more than ${MAX_DEPTH} levels deep.`);
    }
  }

  protected isOp(op: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.op === op;
  }

  protected expect(op: string, message: string, opened?: Span): Token {
    const token = this.peek();
    if (token.kind === 'op' && token.op === op) return this.next();
    throw new ParseError(token.kind === 'eof' && opened ? opened : token.span, message);
  }

  protected peek(): Token {
    return this.tokens[this.at] ?? (this.tokens.at(-1) as Token);
  }

  protected next(): Token {
    const token = this.peek();
    if (this.at < this.tokens.length - 1) this.at += 1;
    return token;
  }
}

export function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end';
    case 'string':
      return 'a string';
    case 'number':
    case 'exotic-number':
      return 'a number';
    case 'ident':
      return JSON.stringify(token.text);
    case 'op':
      return JSON.stringify(token.text);
  }
}
