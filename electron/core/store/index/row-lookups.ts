import type { ExchangeSummary } from '../../../../shared/model/exchange';
import type { LogPosition } from '../records/record-scan';
import { SUMMARY_COLUMNS, summaryFromRow } from './exchange-row';
import type { Db } from './index-db';

/** What the index holds of one record besides its columns (JSON texts, as stored). */
export interface StoredRow {
  position: LogPosition;
  timing: string | null;
  sightings: string | null;
}

/** Rows looked up by id or seq, for the engine's reads of single exchanges and bulk actions. */
export function seqsOf(db: Db, ids: string[]): [string, number][] {
  return db
    .prepare('SELECT id, seq FROM summaries WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all([JSON.stringify(ids)]) as [string, number][];
}

export function idsOf(db: Db, seqs: number[]): string[] {
  const rows = db
    .prepare('SELECT id FROM summaries WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq')
    .raw()
    .all([JSON.stringify(seqs)]) as [string][];
  return rows.map(([id]) => id);
}

export function summariesOf(db: Db, seqs: number[]): ExchangeSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM exchanges e JOIN summaries s ON s.seq = e.seq
       WHERE e.seq IN (SELECT value FROM json_each(?)) ORDER BY e.seq`,
    )
    .raw()
    .all([JSON.stringify(seqs)]) as unknown[][];
  return rows.map(summaryFromRow);
}

export function recordOf(db: Db, seq: number): StoredRow | undefined {
  const row = db
    .prepare(
      `SELECT e.segment, e.offset, e.length, s.timing, s.sightings
       FROM exchanges e JOIN summaries s ON s.seq = e.seq WHERE e.seq = ?`,
    )
    .raw()
    .get([seq]) as [number, number, number, string | null, string | null] | undefined;
  if (!row) return undefined;
  const [segment, offset, length, timing, sightings] = row;
  return { position: { segment, offset, length }, timing, sightings };
}
