import type { Capture } from '../../okta-org/capture-index';
import { KINDS, ORIGINS } from './exchange-row';
import type { Db } from './index-db';

const DELIVERY = KINDS.indexOf('delivery');
const VERIFICATION = KINDS.indexOf('verification');

/** For each event uuid, the stored deliveries that carried it, in the order they arrived. */
export function capturesOf(db: Db, uuids: string[]): [string, Capture[]][] {
  const rows = db
    .prepare(
      `SELECT k.uuid, s.id, e.origin, e.status, e.duration_ms, e.received_at
       FROM event_keys k JOIN exchanges e ON e.seq = k.seq JOIN summaries s ON s.seq = k.seq
       WHERE k.uuid IN (SELECT value FROM json_each(?)) AND e.kind = ? ORDER BY k.seq`,
    )
    .raw()
    .all([JSON.stringify(uuids), DELIVERY]) as [string, string, number, number, number, number][];
  const found = new Map<string, Capture[]>();
  for (const [uuid, exchangeId, origin, status, durationMs, receivedAt] of rows) {
    const capture: Capture = {
      exchangeId,
      origin: ORIGINS[origin] ?? 'live',
      status,
      durationMs,
      receivedAt,
    };
    found.set(uuid, [...(found.get(uuid) ?? []), capture]);
  }
  return [...found];
}

/** Ids of verification requests received between two instants (epoch ms), oldest first. */
export function verificationsBetween(db: Db, from: number, to: number): string[] {
  const rows = db
    .prepare(
      `SELECT s.id FROM exchanges e JOIN summaries s ON s.seq = e.seq
       WHERE e.kind = ? AND e.received_at BETWEEN ? AND ? ORDER BY e.seq`,
    )
    .raw()
    .all([VERIFICATION, from, to]) as [string][];
  return rows.map(([id]) => id);
}
