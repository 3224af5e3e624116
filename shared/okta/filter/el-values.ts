import type { Span } from './el-lexer';

/** What an expression's parts evaluate to: the values of the documented subset. */
export type Value =
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'boolean'; v: boolean }
  | { t: 'null' }
  /** Targets: the raw elements of a LogEvent's `target` array (or of a selection from it). */
  | { t: 'list'; items: unknown[] };

export const NULL: Value = { t: 'null' };

/**
 * Evaluation stopped where the outcome is not documented (a property read on null, a value of a
 * type Okta's LogEvent does not have there, too much work): the event cannot be checked here.
 */
export class Undecidable extends Error {
  constructor(
    readonly span: Span,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const SHOWN = 80;

/** A value as the explanations show it: strings quoted and cut, lists counted. */
export function render(value: Value): string {
  switch (value.t) {
    case 'string': {
      const text = value.v.length > SHOWN ? `${value.v.slice(0, SHOWN)}…` : value.v;
      return `'${text.replaceAll("'", "''")}'`;
    }
    case 'number':
      return String(value.v);
    case 'boolean':
      return String(value.v);
    case 'null':
      return 'null';
    case 'list':
      return value.items.length === 1 ? 'a list of 1 target' : `a list of ${value.items.length} targets`;
  }
}

/** Source text for an explanation, middle cut when long. */
export function snippet(source: string, span: Span, max = 60): string {
  const text = source.slice(span.start, span.end).replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const half = Math.floor((max - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(text.length - half)}`;
}
