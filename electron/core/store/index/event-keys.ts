import type { OktaDecoded, Sightings } from '../../../../shared/model/exchange';
import { parseOktaTime } from '../../../../shared/okta/timestamps';
import { prepared, type Db, type Statement } from './index-db';

/** The parts of a delivery that redelivery and ordering checks remember. */
export interface DeliveryKeys {
  eventId?: string;
  hookId?: string;
  events: { uuid: string; published: string }[];
  /** Judged as Okta's own (live or sample, authenticated): it can make later ones repeats. */
  tracked: boolean;
}

/** Parameters per IN list, so a few statements cover every batch size. */
const CHUNK = 100;

/**
 * Okta delivers at least once and not always in order
 * (https://developer.okta.com/docs/concepts/event-hooks/#event-delivery): the same delivery can
 * come again (same `eventId`), an event can come in another batch (same `uuid`), and events can
 * arrive after later ones. Deliveries are judged as they are indexed, in the order they were
 * stored, each against every one indexed before it, inside the same transaction.
 */
export class EventKeys {
  constructor(private readonly db: Db) {}

  /** Judge a delivery against those indexed before it, then keep its keys. */
  judge(seq: number, keys: DeliveryKeys): Sightings {
    const sightings: Sightings = { repeatedEvents: [], outOfOrder: [] };
    const first = keys.eventId === undefined ? undefined : this.firstDelivery(keys.eventId);
    if (first !== undefined) sightings.repeatOf = first;
    else {
      sightings.repeatedEvents = this.repeatedEvents(keys.events.map((e) => e.uuid).filter(Boolean));
      sightings.outOfOrder = this.outOfOrder(keys);
    }
    this.keep(seq, keys);
    return sightings;
  }

  /** Keep a delivery's keys (an import, a replay, history moved from an earlier format). */
  keep(seq: number, { eventId, hookId, events, tracked }: DeliveryKeys): void {
    if (eventId !== undefined && tracked) {
      this.statement('INSERT OR IGNORE INTO delivery_keys (event_id, seq) VALUES (?, ?)').run([eventId, seq]);
    }
    const insert = this.statement('INSERT OR IGNORE INTO event_keys (uuid, seq, tracked) VALUES (?, ?, ?)');
    for (const event of events) if (event.uuid !== '') insert.run([event.uuid, seq, tracked ? 1 : 0]);
    if (!tracked) return;
    const latest = Math.max(...events.map((e) => parseOktaTime(e.published) ?? -Infinity));
    if (latest === -Infinity) return;
    this.statement(
      'INSERT INTO hook_latest (hook, published) VALUES (?, ?) ON CONFLICT (hook) DO UPDATE SET published = max(published, excluded.published)',
    ).run([hookId ?? '', latest]);
  }

  /** Forget everything (Clear). */
  reset(): void {
    this.db.exec('DELETE FROM event_keys; DELETE FROM delivery_keys; DELETE FROM hook_latest');
  }

  private firstDelivery(eventId: string): string | undefined {
    const row = this.statement('SELECT min(seq) FROM delivery_keys WHERE event_id = ?')
      .raw()
      .get([eventId]) as [number | null] | undefined;
    const seq = row?.[0];
    return seq == null ? undefined : this.idsOf([seq]).get(seq);
  }

  private repeatedEvents(uuids: string[]): Sightings['repeatedEvents'] {
    const firsts = new Map<string, number>();
    for (let i = 0; i < uuids.length; i += CHUNK) {
      const chunk = uuids.slice(i, i + CHUNK);
      const rows = this.statement(
        `SELECT uuid, min(seq) FROM event_keys WHERE tracked = 1 AND uuid IN (${placeholders(chunk.length)}) GROUP BY uuid`,
      )
        .raw()
        .all(chunk) as [string, number][];
      for (const [uuid, seq] of rows) firsts.set(uuid, seq);
    }
    const ids = this.idsOf([...new Set(firsts.values())]);
    return uuids.flatMap((uuid) => {
      const firstExchangeId = ids.get(firsts.get(uuid) ?? -1);
      return firstExchangeId === undefined ? [] : [{ uuid, firstExchangeId }];
    });
  }

  private outOfOrder(keys: DeliveryKeys): string[] {
    const row = this.statement('SELECT published FROM hook_latest WHERE hook = ?')
      .raw()
      .get([keys.hookId ?? '']) as [number] | undefined;
    if (row === undefined) return [];
    return keys.events
      .filter((event) => {
        const published = parseOktaTime(event.published);
        return published !== null && published < row[0];
      })
      .map((event) => event.uuid);
  }

  /** The exchange ids behind seqs, whether still stored or deleted since (their records remain). */
  private idsOf(seqs: number[]): Map<number, string> {
    const ids = new Map<number, string>();
    for (let i = 0; i < seqs.length; i += CHUNK) {
      const chunk = seqs.slice(i, i + CHUNK);
      const list = placeholders(chunk.length);
      const rows = this.statement(
        `SELECT seq, id FROM summaries WHERE seq IN (${list}) UNION ALL SELECT seq, id FROM gone WHERE seq IN (${list})`,
      )
        .raw()
        .all([...chunk, ...chunk]) as [number, string][];
      for (const [seq, id] of rows) ids.set(seq, id);
    }
    return ids;
  }

  private statement(sql: string): Statement {
    return prepared(this.db, sql);
  }
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(',');

/**
 * The keys an exchange adds, if any: Okta's deliveries (live, a sample, or rebuilt from the
 * System Log). Only authenticated live and sample deliveries are judged and can make later
 * ones repeats: anyone can send a request to the public URL, and a refused one claiming an
 * event from the year 2999 must not mark every real delivery after it out of order.
 */
export function deliveryKeys(exchange: {
  kind: string;
  origin: string;
  auth: { result: string };
  okta: Pick<OktaDecoded, 'eventId' | 'hookId' | 'events'>;
}): DeliveryKeys | undefined {
  // Inline calls too: Okta retries some types once, with the same eventId.
  const fromOkta = exchange.kind === 'delivery' || exchange.kind === 'inline';
  if (!fromOkta || !['live', 'sample', 'rebuilt'].includes(exchange.origin)) return undefined;
  const authenticated = exchange.auth.result === 'ok' || exchange.auth.result === 'not-configured';
  const { eventId, hookId, events } = exchange.okta;
  return {
    ...(eventId === undefined ? {} : { eventId }),
    ...(hookId === undefined ? {} : { hookId }),
    events: events.map(({ uuid, published }) => ({ uuid, published })),
    tracked: exchange.origin !== 'rebuilt' && authenticated,
  };
}
