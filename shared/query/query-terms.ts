import type { AuthResult, ExchangeKind, ExchangeOrigin } from '../model/exchange';
import { OUTCOME_KEYS, type OutcomeKey } from '../okta/outcome-key';

/** Where a term sits in the query text, so the UI can remove or replace exactly that part. */
export interface Span {
  start: number;
  end: number;
}

export type StatusRange = { min: number; max: number };

/** A point in time as written: absolute, "that long ago", or a clock time today. */
export type TimeSpec =
  | { kind: 'absolute'; ms: number }
  | { kind: 'ago'; ms: number }
  | { kind: 'clock'; hours: number; minutes: number; seconds: number };

export type FlagValue = (typeof FLAG_VALUES)[number];
export type HasValue = (typeof HAS_VALUES)[number];
export type CompareOp = '>' | '>=' | '<' | '<=' | '=';

/** One parsed piece of a query. Terms are ANDed; comma-separated values within a term are ORed. */
export type TermBody =
  /**
   * `prefix`: the word still being typed (the query's last, unquoted, nothing after it) also
   * matches longer words; a word followed by a space or quoted is matched whole
   * (docs/storage.md, "Search semantics").
   */
  | { key: 'text'; text: string; prefix: boolean }
  | { key: 'type'; patterns: string[] }
  | { key: 'kind'; values: ExchangeKind[] }
  | { key: 'status'; ranges: StatusRange[] }
  | { key: 'auth'; values: AuthResult[] }
  | { key: 'next'; values: Exclude<OutcomeKey, 'none'>[] }
  | { key: 'is'; values: FlagValue[] }
  | { key: 'has'; values: HasValue[] }
  | { key: 'origin'; values: ExchangeOrigin[] }
  | { key: 'hook'; values: string[] }
  /** Saved event hook filters, by name (lowercase): what a hook with one would have delivered. */
  | { key: 'filter'; names: string[] }
  | { key: 'after' | 'before'; time: TimeSpec }
  | { key: 'duration'; op: CompareOp; ms: number };

export type Term = TermBody & { negated: boolean; span: Span; raw: string };

/** A piece of the query that could not be understood; it is shown, and ignored when matching. */
export interface QueryProblem {
  span: Span;
  raw: string;
  message: string;
}

export interface ParsedQuery {
  terms: Term[];
  problems: QueryProblem[];
}

export type FilterKey = Exclude<TermBody['key'], 'text'>;

export const KIND_VALUES: readonly ExchangeKind[] = ['delivery', 'verification', 'inline', 'other'];
export const AUTH_VALUES: readonly AuthResult[] = ['ok', 'missing', 'mismatch', 'not-configured'];
export const ORIGIN_VALUES: readonly ExchangeOrigin[] = ['live', 'sample', 'replay', 'imported'];
export const FLAG_VALUES = ['redelivery', 'dup', 'out-of-order', 'pinned'] as const;
export const HAS_VALUES = ['problems'] as const;
export const NEXT_VALUES = OUTCOME_KEYS;
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;

/** Every filter the syntax knows, with one line of help; the UI builds its menus from this. */
export const FILTER_HELP: Record<FilterKey, { example: string; help: string }> = {
  type: {
    example: 'type:user.session.start',
    help: 'an event type, or the start of one up to a dot (user.session); * as wildcard',
  },
  kind: { example: 'kind:verification', help: 'delivery, verification or other' },
  status: { example: 'status:4xx', help: 'status class (2xx…5xx), a code, or none' },
  auth: { example: 'auth:mismatch', help: 'ok, missing, mismatch or not-configured' },
  next: { example: 'next:will-retry', help: "Okta's next move, as in the list" },
  is: { example: 'is:redelivery', help: 'redelivery, dup, out-of-order or pinned' },
  has: { example: 'has:problems', help: 'requests that differ from what Okta sends' },
  origin: { example: 'origin:imported', help: 'live, sample, replay or imported' },
  hook: { example: 'hook:who1a2b3c4d5e6f7g8', help: 'the hook id from the envelope source' },
  filter: { example: 'filter:sales', help: 'what a hook with this event filter would have delivered' },
  after: { example: 'after:2h', help: 'received after a time (ISO, HH:MM, or 15m/2h/3d ago)' },
  before: { example: 'before:2026-05-01T12:00', help: 'received before a time' },
  duration: { example: 'duration:>3s', help: 'answer time, e.g. >3s or <=100ms' },
};
