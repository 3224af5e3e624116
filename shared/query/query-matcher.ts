import type { ExchangeSummary } from '../model/exchange';
import { outcomeKey } from '../okta/outcome-key';
import { globMatcher } from './glob';
import type { CompareOp, FlagValue, ParsedQuery, Term, TermBody } from './query-terms';
import { resolveTime } from './time-spec';

/** A free-text term: the engine looks for it in headers and bodies. */
export interface TextTerm {
  /** Lowercased. */
  text: string;
  negated: boolean;
}

export interface CompiledQuery {
  /**
   * Every structured filter holds for this summary. Free text and `filter:` are the engine's to
   * judge: it reads the bodies, and keeps what each saved hook filter lets through.
   */
  matchesSummary(summary: ExchangeSummary): boolean;
  texts: TextTerm[];
  /** Whether a summary's match can change when its final timing or its pin arrives later. */
  dependsOn: { timing: boolean; pins: boolean };
  /** The time window the query's `after:`/`before:` terms describe (null: open). */
  window: { from: number | null; to: number | null };
  /** No terms at all: everything matches. */
  matchesAll: boolean;
}

type Predicate = (summary: ExchangeSummary) => boolean;
type FilterTerm = Term & Exclude<TermBody, { key: 'text' | 'filter' }>;

const isFilter = (term: Term): term is FilterTerm => term.key !== 'text' && term.key !== 'filter';

/** Turn a parsed query into predicates; relative times resolve against `now`. */
export function compileQuery(parsed: ParsedQuery, now: number): CompiledQuery {
  const structured = parsed.terms.filter(isFilter);
  const predicates = structured.map((term): Predicate => {
    const test = predicateFor(term, now);
    return term.negated ? (summary) => !test(summary) : test;
  });
  return {
    matchesSummary: (summary) => predicates.every((test) => test(summary)),
    texts: parsed.terms.flatMap((term) =>
      term.key === 'text' ? [{ text: term.text, negated: term.negated }] : [],
    ),
    dependsOn: {
      timing: structured.some((term) => term.key === 'next' || term.key === 'duration'),
      pins: structured.some((term) => term.key === 'is' && term.values.includes('pinned')),
    },
    window: timeWindow(structured, now),
    matchesAll: parsed.terms.length === 0,
  };
}

function predicateFor(term: FilterTerm, now: number): Predicate {
  switch (term.key) {
    case 'type': {
      const patterns = term.patterns.map((pattern) => globMatcher(pattern));
      return (s) => s.eventTypes.some((type) => patterns.some((matches) => matches(type)));
    }
    case 'kind':
      return (s) => term.values.includes(s.kind);
    case 'status':
      return (s) => term.ranges.some((range) => s.status >= range.min && s.status <= range.max);
    case 'auth':
      return (s) => term.values.includes(s.auth);
    case 'next':
      return (s) => (term.values as string[]).includes(outcomeKey(s));
    case 'is':
      return (s) => term.values.some((flag) => hasFlag(s, flag));
    case 'has':
      return (s) => s.problemCount > 0;
    case 'origin':
      return (s) => term.values.includes(s.origin);
    case 'hook':
      return (s) => s.hookId !== undefined && term.values.includes(s.hookId.toLowerCase());
    case 'after': {
      const at = resolveTime(term.time, now);
      return (s) => s.receivedAt >= at;
    }
    case 'before': {
      const at = resolveTime(term.time, now);
      return (s) => s.receivedAt < at;
    }
    case 'duration':
      return (s) => compare(s.durationMs, term.op, term.ms);
  }
}

function hasFlag(summary: ExchangeSummary, flag: FlagValue): boolean {
  switch (flag) {
    case 'redelivery':
      return summary.repeat;
    case 'dup':
      return summary.repeatedEvents > 0;
    case 'out-of-order':
      return summary.outOfOrderEvents > 0;
    case 'pinned':
      return summary.pinned;
  }
}

function compare(value: number, op: CompareOp, limit: number): boolean {
  if (op === '>') return value > limit;
  if (op === '>=') return value >= limit;
  if (op === '<') return value < limit;
  if (op === '<=') return value <= limit;
  return value === limit;
}

/**
 * The event types a query's `type:` filters ask for (negated ones aside), as a test on one
 * type; null when the query has none. The list uses it to show why a row matched.
 */
export function typeMatcher(parsed: ParsedQuery): ((type: string) => boolean) | null {
  const tests = parsed.terms.flatMap((term) =>
    term.key === 'type' && !term.negated ? term.patterns.map(globMatcher) : [],
  );
  return tests.length === 0 ? null : (type) => tests.some((test) => test(type.toLowerCase()));
}

function timeWindow(terms: FilterTerm[], now: number): CompiledQuery['window'] {
  let from: number | null = null;
  let to: number | null = null;
  for (const term of terms) {
    if (term.negated) continue;
    if (term.key === 'after') from = Math.max(from ?? -Infinity, resolveTime(term.time, now));
    if (term.key === 'before') to = Math.min(to ?? Infinity, resolveTime(term.time, now));
  }
  return { from, to };
}
