/**
 * The System Log's `filter` language (https://developer.okta.com/docs/reference/system-log-query/#expression-filter): SCIM comparisons `eq ne gt ge lt le sw ew
 * co pr`, combined with `and`, `or`, `not` and parentheses; attribute names are case-sensitive
 * dotted paths. A parse error throws, so the emulator can answer 400 like Okta.
 */
export type Predicate = (event: unknown) => boolean;

type Token = { kind: 'word' | 'string' | 'open' | 'close'; text: string };

const TOKEN = /\s*(?:(\()|(\))|"((?:[^"\\]|\\.)*)"|([^\s()"]+))/gy;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < input.length) {
    if (/^\s*$/.test(input.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(input);
    if (!match) throw new Error(`unexpected text at ${TOKEN.lastIndex}`);
    if (match[1]) tokens.push({ kind: 'open', text: '(' });
    else if (match[2]) tokens.push({ kind: 'close', text: ')' });
    else if (match[3] !== undefined) tokens.push({ kind: 'string', text: match[3].replace(/\\(.)/g, '$1') });
    else tokens.push({ kind: 'word', text: match[4] ?? '' });
  }
  return tokens;
}

/** Every value at a dotted path; arrays on the way (e.g. `target`) fan out. */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (typeof value !== 'object' || value === null) return [];
  const [head = '', ...rest] = path;
  return valuesAt((value as Record<string, unknown>)[head], rest);
}

const COMPARE: Record<string, (actual: unknown, expected: string | number | boolean | null) => boolean> = {
  eq: (a, e) => a === e,
  ne: (a, e) => a !== e,
  gt: (a, e) => typeof a === typeof e && (a as number) > (e as number),
  ge: (a, e) => typeof a === typeof e && (a as number) >= (e as number),
  lt: (a, e) => typeof a === typeof e && (a as number) < (e as number),
  le: (a, e) => typeof a === typeof e && (a as number) <= (e as number),
  sw: (a, e) => typeof a === 'string' && typeof e === 'string' && a.startsWith(e),
  ew: (a, e) => typeof a === 'string' && typeof e === 'string' && a.endsWith(e),
  co: (a, e) => typeof a === 'string' && typeof e === 'string' && a.includes(e),
};

const literal = (token: Token): string | number | boolean | null => {
  if (token.kind === 'string') return token.text;
  if (token.text === 'true' || token.text === 'false') return token.text === 'true';
  if (token.text === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
  throw new Error(`not a value: ${token.text}`);
};

class Parser {
  private index = 0;
  readonly comparisons: Comparison[] = [];

  constructor(private readonly tokens: Token[]) {}

  parse(): Predicate {
    const predicate = this.or();
    if (this.index !== this.tokens.length) throw new Error('trailing text');
    return predicate;
  }

  /** Consume `word` (a keyword, any case) if it comes next. */
  private take(word: string): boolean {
    const token = this.tokens[this.index];
    if (token?.kind !== 'word' || token.text.toLowerCase() !== word) return false;
    this.index += 1;
    return true;
  }

  private next(): Token {
    const token = this.tokens[this.index++];
    if (!token) throw new Error('unexpected end of filter');
    return token;
  }

  private or(): Predicate {
    const parts = [this.and()];
    while (this.take('or')) parts.push(this.and());
    return (event) => parts.some((part) => part(event));
  }

  private and(): Predicate {
    const parts = [this.factor()];
    while (this.take('and')) parts.push(this.factor());
    return (event) => parts.every((part) => part(event));
  }

  private factor(): Predicate {
    if (this.take('not')) {
      const inner = this.factor();
      return (event) => !inner(event);
    }
    if (this.tokens[this.index]?.kind === 'open') {
      this.index += 1;
      const inner = this.or();
      if (this.next().kind !== 'close') throw new Error('missing )');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Predicate {
    const attribute = this.next();
    if (attribute.kind !== 'word' || !/^[A-Za-z_][\w.]*$/.test(attribute.text))
      throw new Error(`not an attribute: ${attribute.text}`);
    const path = attribute.text.split('.');
    const op = this.next().text;
    this.comparisons.push({ attribute: attribute.text, operator: op });
    if (op === 'pr') return (event) => valuesAt(event, path).some((v) => v !== undefined && v !== null);
    const compare = COMPARE[op];
    if (!compare) throw new Error(`unknown operator: ${op}`);
    const expected = literal(this.next());
    return (event) => valuesAt(event, path).some((value) => compare(value, expected));
  }
}

/** One `attribute op value` of a filter: Okta refuses some fields, and some operators on some fields. */
export interface Comparison {
  attribute: string;
  operator: string;
}

/** The predicate and the comparisons it makes. */
export function parseFilter(filter: string): { predicate: Predicate; comparisons: Comparison[] } {
  const parser = new Parser(tokenize(filter));
  const predicate = parser.parse();
  return { predicate, comparisons: parser.comparisons };
}
