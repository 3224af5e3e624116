import type {
  AuthResult,
  ExchangeKind,
  ExchangeOrigin,
  ExchangeSummary,
  TimingRecord,
} from '../../../../shared/model/exchange';
import {
  deliveryResult,
  OUTCOME_KEYS,
  outcomeKey,
  type DeliveryResult,
} from '../../../../shared/okta/outcome-key';
import { FLAG } from './index-db';
import type { LogPosition } from '../records/record-scan';

/** Enum columns are stored as the value's place in these lists; only ever append to them. */
export const KINDS: readonly ExchangeKind[] = ['delivery', 'verification', 'other', 'inline'];
export const ORIGINS: readonly ExchangeOrigin[] = ['live', 'sample', 'replay', 'rebuilt', 'imported'];
export const AUTHS: readonly AuthResult[] = ['ok', 'missing', 'mismatch', 'not-configured'];
export const OUTCOMES = [...OUTCOME_KEYS, 'none'] as const;
export const RESULTS: readonly DeliveryResult[] = ['accepted', 'rejected', 'failed', 'timed-out', 'other'];

const place = <T>(list: readonly T[], value: T): number => Math.max(0, list.indexOf(value));

/** What the list shows that is not a column: kept as JSON beside the row. */
type SummaryData = Omit<ExchangeSummary, 'seq' | 'pinned' | 'durationMs'>;

/** The values of an `exchanges` row, in column order (see index-db.ts). */
export type ExchangeColumns = [
  seq: number,
  receivedAt: number,
  kind: number,
  origin: number,
  auth: number,
  status: number,
  durationMs: number,
  outcome: number,
  result: number,
  flags: number,
  typeSet: number,
  hook: string | null,
  segment: number,
  offset: number,
  length: number,
];

export function flagsOf(summary: ExchangeSummary): number {
  return (
    (summary.repeat ? FLAG.repeat : 0) |
    (summary.repeatedEvents > 0 ? FLAG.dup : 0) |
    (summary.outOfOrderEvents > 0 ? FLAG.outOfOrder : 0) |
    (summary.pinned ? FLAG.pinned : 0) |
    (summary.problemCount > 0 ? FLAG.problems : 0)
  );
}

/** The columns that follow the final timing: Okta's next move and the timeline's outcome. */
export const timingColumns = (summary: ExchangeSummary) => ({
  outcome: place(OUTCOMES, outcomeKey(summary)),
  result: place(RESULTS, deliveryResult(summary)),
});

/** The row of a summary; `searched`: its words are in the full-text index already. */
export function exchangeColumns(
  summary: ExchangeSummary,
  typeSet: number,
  position: LogPosition,
  searched = false,
): ExchangeColumns {
  const { outcome, result } = timingColumns(summary);
  return [
    summary.seq,
    summary.receivedAt,
    place(KINDS, summary.kind),
    place(ORIGINS, summary.origin),
    place(AUTHS, summary.auth),
    summary.status,
    summary.durationMs,
    outcome,
    result,
    flagsOf(summary) | (searched ? FLAG.searched : 0),
    typeSet,
    summary.hookId === undefined ? null : summary.hookId.toLowerCase(),
    position.segment,
    position.offset,
    position.length,
  ];
}

/** Columns of their own (they change after the row is written), left out of the JSON. */
const OWN_COLUMNS = new Set(['seq', 'pinned', 'durationMs']);

export function summaryData(summary: ExchangeSummary): string {
  return JSON.stringify(summary, (key, value: unknown) => (OWN_COLUMNS.has(key) ? undefined : value));
}

/** Columns a list row is read back from, in this order. */
export const SUMMARY_COLUMNS = 'e.seq, e.flags, e.duration_ms, s.data';

export function summaryFromRow(row: unknown[]): ExchangeSummary {
  const [seq, flags, durationMs, data] = row as [number, number, number, string];
  return {
    ...(JSON.parse(data) as SummaryData),
    seq,
    durationMs,
    pinned: (flags & FLAG.pinned) !== 0,
  };
}

export const parseTiming = (text: string | null): TimingRecord | undefined =>
  text === null ? undefined : (JSON.parse(text) as TimingRecord);
