/**
 * The tokens of an Okta Expression Language filter. Okta's EL is based on SpEL
 * (https://developer.okta.com/docs/reference/okta-expression-language/), so the whole of SpEL's
 * token set is read here, also what the filter subset does not support: the checker can then
 * say "outside what can be checked here" instead of "syntax error" for valid SpEL.
 */

export interface Span {
  start: number;
  end: number;
}

export type Token =
  | { kind: 'ident'; text: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; real: boolean; span: Span }
  /** A number SpEL reads that the subset does not (hex, exponent, L/F/D suffix). */
  | { kind: 'exotic-number'; text: string; why: string; span: Span }
  /** `text` as written (`eq`, `EQ`, `==`); `op` the SpEL operator it stands for. */
  | { kind: 'op'; op: string; text: string; span: Span }
  | { kind: 'eof'; span: Span };

export class LexError extends Error {
  constructor(
    readonly span: Span,
    override readonly message: string,
  ) {
    super(message);
  }
}

/** Three-, two- and one-character symbols, longest first (SpEL's Tokenizer). */
const SYMBOLS = [
  '?[',
  '^[',
  '$[',
  '![',
  '?.',
  '?:',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '++',
  '--',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '?',
  ':',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '=',
  '#',
  '@',
  '&',
  '|',
];

/** SpEL's textual operators: an identifier spelled like one is that operator, in any case. */
const WORD_OPERATORS: Record<string, string> = {
  EQ: '==',
  NE: '!=',
  LT: '<',
  GT: '>',
  LE: '<=',
  GE: '>=',
  DIV: '/',
  MOD: '%',
  NOT: '!',
};

const MAX_INT = 2 ** 31 - 1;

const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdentStart = (c: string) =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
const isIdentPart = (c: string) => isIdentStart(c) || isDigit(c);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Tokens of `text`, ending with `eof`; throws LexError at the first character SpEL would refuse. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const c = text.charAt(at);
    if (isSpace(c)) at += 1;
    else {
      const token = readToken(text, at, c);
      tokens.push(token);
      at = token.span.end;
    }
  }
  tokens.push({ kind: 'eof', span: { start: text.length, end: text.length } });
  return tokens;
}

function readToken(text: string, at: number, c: string): Token {
  if (c === "'" || c === '"') return readString(text, at, c);
  if (isDigit(c)) return readNumber(text, at);
  // `$[` is SpEL's last-selection; `$` alone starts an identifier.
  if (isIdentStart(c) && !(c === '$' && text.charAt(at + 1) === '[')) return readIdent(text, at);
  const symbol = SYMBOLS.find((s) => text.startsWith(s, at));
  if (symbol === undefined) {
    throw new LexError({ start: at, end: at + 1 }, `Unexpected character ${JSON.stringify(c)}.`);
  }
  return { kind: 'op', op: symbol, text: symbol, span: { start: at, end: at + symbol.length } };
}

function readIdent(text: string, start: number): Token {
  let end = start + 1;
  while (end < text.length && isIdentPart(text.charAt(end))) end += 1;
  const word = text.slice(start, end);
  const op = WORD_OPERATORS[word.toUpperCase()];
  const span = { start, end };
  return op === undefined ? { kind: 'ident', text: word, span } : { kind: 'op', op, text: word, span };
}

/** A quote inside is written twice (`'it''s'`); there are no backslash escapes in SpEL. */
function readString(text: string, start: number, quote: string): Token {
  let value = '';
  let at = start + 1;
  for (;;) {
    const next = text.indexOf(quote, at);
    if (next === -1) {
      throw new LexError({ start, end: text.length }, `This string has no closing ${quote}.`);
    }
    value += text.slice(at, next);
    if (text.charAt(next + 1) !== quote) return { kind: 'string', value, span: { start, end: next + 1 } };
    value += quote;
    at = next + 2;
  }
}

function readNumber(text: string, start: number): Token {
  let end = start;
  if (text.startsWith('0x', start) || text.startsWith('0X', start)) {
    end += 2;
    while (end < text.length && /[0-9a-fA-F]/.test(text.charAt(end))) end += 1;
    return exotic(text, start, readSuffix(text, end), 'a hexadecimal number');
  }
  while (end < text.length && isDigit(text.charAt(end))) end += 1;
  let real = false;
  if (text.charAt(end) === '.' && isDigit(text.charAt(end + 1))) {
    real = true;
    end += 1;
    while (end < text.length && isDigit(text.charAt(end))) end += 1;
  }
  if (/[eE]/.test(text.charAt(end))) {
    end += /[+-]/.test(text.charAt(end + 1)) ? 2 : 1;
    while (end < text.length && isDigit(text.charAt(end))) end += 1;
    return exotic(text, start, readSuffix(text, end), 'a number with an exponent');
  }
  const suffixed = readSuffix(text, end);
  if (suffixed !== end) return exotic(text, start, suffixed, 'a number with a type suffix');
  const value = Number(text.slice(start, end));
  if (!real && value > MAX_INT) {
    throw new LexError({ start, end }, `${text.slice(start, end)} is too large for an int.`);
  }
  return { kind: 'number', value, real, span: { start, end } };
}

const readSuffix = (text: string, at: number) => (/[lLfFdD]/.test(text.charAt(at)) ? at + 1 : at);

const exotic = (text: string, start: number, end: number, why: string): Token => ({
  kind: 'exotic-number',
  text: text.slice(start, end),
  why,
  span: { start, end },
});
