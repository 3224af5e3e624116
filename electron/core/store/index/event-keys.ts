import type { OktaDecoded, Sightings } from '../../../../shared/model/exchange';
import { parseOktaTime } from '../../../../shared/okta/timestamps';
import type { Db } from './index-db';

/** The parts of a delivery that redelivery and ordering checks remember. */
export interface DeliveryKeys {
  seq: number;
  exchangeId: string;
  okta: Pick<OktaDecoded, 'eventId' | 'hookId' | 'events'>;
  /** Judged as Okta's own (live or sample, authenticated): it can make later ones repeats. */
  tracked: boolean;
}

/** Parameters per IN list; SQLite allows 32,766, and a statement per size is cached. */
const CHUNK = 100;

/**
 * Okta delivers at least once and not always in order
 * (https://developer.okta.com/docs/concepts/event-hooks/#event-delivery): the same delivery can
 * come again (same `eventId`), an event can come in another batch (same `uuid`), and events can
 * arrive after later ones. This judges a new delivery against every one stored before it, from
 * the index on disk, and against those accepted but not yet committed.
 */
export class EventKeys {
  private readonly pending = new Map<number, DeliveryKeys>();
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {}

  /** Judge a delivery and hold its keys until `commit` (or `release` if it was not stored). */
  judge(keys: DeliveryKeys): Sightings {
    const { okta } = keys;
    const sightings: Sightings = { repeatedEvents: [], outOfOrder: [] };
    const first = okta.eventId === undefined ? undefined : this.firstDelivery(okta.eventId);
    if (first !== undefined) sightings.repeatOf = first;
    else {
      sightings.repeatedEvents = this.repeatedEvents(okta.events.map((e) => e.uuid).filter(Boolean));
      sightings.outOfOrder = this.outOfOrder(okta);
    }
    this.pending.set(keys.seq, keys);
    return sightings;
  }

  /** Keep a delivery's keys without judging it (imports, replays, history being migrated). */
  hold(keys: DeliveryKeys): void {
    this.pending.set(keys.seq, keys);
  }

  release(seq: number): void {
    this.pending.delete(seq);
  }

  /** Write the held keys of these exchanges; runs inside the caller's transaction. */
  commit(seqs: number[]): void {
    for (const seq of seqs) {
      const keys = this.pending.get(seq);
      if (!keys) continue;
      this.pending.delete(seq);
      this.write(keys);
    }
  }

  /** Forget everything (Clear). */
  reset(): void {
    this.db.exec('DELETE FROM event_keys; DELETE FROM delivery_keys; DELETE FROM hook_latest');
    this.pending.clear();
  }

  /** Forget exchanges up to `seq` but those in `keep` (their records were dropped). */
  forgetThrough(seq: number, keep: Set<number>): void {
    for (const table of ['event_keys', 'delivery_keys']) {
      const doomed = this.db.prepare(`SELECT DISTINCT seq FROM ${table} WHERE seq <= ?`).raw().all([seq]) as [
        number,
      ][];
      const remove = this.db.prepare(`DELETE FROM ${table} WHERE seq = ?`);
      for (const [found] of doomed) if (!keep.has(found)) remove.run([found]);
    }
  }

  private write({ seq, okta, tracked }: DeliveryKeys): void {
    if (okta.eventId !== undefined && tracked) {
      this.statement('INSERT OR IGNORE INTO delivery_keys (event_id, seq) VALUES (?, ?)').run([
        okta.eventId,
        seq,
      ]);
    }
    const insert = this.statement('INSERT OR IGNORE INTO event_keys (uuid, seq, tracked) VALUES (?, ?, ?)');
    for (const event of okta.events) if (event.uuid !== '') insert.run([event.uuid, seq, tracked ? 1 : 0]);
    if (!tracked) return;
    const latest = Math.max(...okta.events.map((e) => parseOktaTime(e.published) ?? -Infinity));
    if (latest === -Infinity) return;
    this.statement(
      'INSERT INTO hook_latest (hook, published) VALUES (?, ?) ON CONFLICT (hook) DO UPDATE SET published = max(published, excluded.published)',
    ).run([okta.hookId ?? '', latest]);
  }

  private firstDelivery(eventId: string): string | undefined {
    const stored = this.statement('SELECT min(seq) FROM delivery_keys WHERE event_id = ?')
      .raw()
      .get([eventId]) as [number | null] | undefined;
    const firsts = new Map<string, number>();
    if (stored?.[0] != null) firsts.set(eventId, stored[0]);
    const held = this.heldFirsts((keys) => (keys.okta.eventId === undefined ? [] : [keys.okta.eventId]));
    return this.exchangeIds(merge(firsts, held, [eventId])).get(eventId);
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
    const held = this.heldFirsts((keys) => keys.okta.events.map((event) => event.uuid));
    const ids = this.exchangeIds(merge(firsts, held, uuids));
    return uuids.flatMap((uuid) => {
      const firstExchangeId = ids.get(uuid);
      return firstExchangeId === undefined ? [] : [{ uuid, firstExchangeId }];
    });
  }

  /** For each key the held deliveries carry, the first (lowest seq) that carries it. */
  private heldFirsts(keysOf: (keys: DeliveryKeys) => string[]): Map<string, DeliveryKeys> {
    const firsts = new Map<string, DeliveryKeys>();
    for (const held of this.pending.values()) {
      if (!held.tracked) continue;
      for (const key of keysOf(held)) {
        const known = firsts.get(key);
        if (key !== '' && (known === undefined || held.seq < known.seq)) firsts.set(key, held);
      }
    }
    return firsts;
  }

  /** The exchange id behind each key's first seq, stored, deleted since, or held. */
  private exchangeIds(firsts: Map<string, number | DeliveryKeys>): Map<string, string> {
    const seqs = [...firsts.values()].flatMap((first) => (typeof first === 'number' ? [first] : []));
    const known = new Map<number, string>();
    for (let i = 0; i < seqs.length; i += CHUNK) {
      const chunk = seqs.slice(i, i + CHUNK);
      const list = placeholders(chunk.length);
      const rows = this.statement(
        `SELECT seq, id FROM summaries WHERE seq IN (${list}) UNION ALL SELECT seq, id FROM gone WHERE seq IN (${list})`,
      )
        .raw()
        .all([...chunk, ...chunk]) as [number, string][];
      for (const [seq, id] of rows) known.set(seq, id);
    }
    const ids = new Map<string, string>();
    for (const [key, first] of firsts) {
      const id = typeof first === 'number' ? known.get(first) : first.exchangeId;
      if (id !== undefined) ids.set(key, id);
    }
    return ids;
  }

  private outOfOrder(okta: DeliveryKeys['okta']): string[] {
    const hook = okta.hookId ?? '';
    const stored = this.statement('SELECT published FROM hook_latest WHERE hook = ?').raw().get([hook]) as
      [number] | undefined;
    let latest = stored?.[0] ?? -Infinity;
    for (const held of this.pending.values()) {
      if (!held.tracked || (held.okta.hookId ?? '') !== hook) continue;
      for (const event of held.okta.events)
        latest = Math.max(latest, parseOktaTime(event.published) ?? -Infinity);
    }
    if (latest === -Infinity) return [];
    return okta.events
      .filter((event) => {
        const published = parseOktaTime(event.published);
        return published !== null && published < latest;
      })
      .map((event) => event.uuid);
  }

  private statement(sql: string): ReturnType<Db['prepare']> {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(',');

/** The earlier of a stored and a held first sighting, for each of `keys`. */
function merge(
  stored: Map<string, number>,
  held: Map<string, DeliveryKeys>,
  keys: string[],
): Map<string, number | DeliveryKeys> {
  const firsts = new Map<string, number | DeliveryKeys>();
  for (const key of keys) {
    const onDisk = stored.get(key);
    const pending = held.get(key);
    if (onDisk !== undefined && (pending === undefined || onDisk < pending.seq)) firsts.set(key, onDisk);
    else if (pending !== undefined) firsts.set(key, pending);
  }
  return firsts;
}

/**
 * The keys an exchange adds, if any: Okta's deliveries (live, a sample, or rebuilt from the
 * System Log). Only authenticated live and sample deliveries are judged and can make later
 * ones repeats: anyone can send a request to the public URL, and a refused one claiming an
 * event from the year 2999 must not mark every real delivery after it out of order.
 */
export function trackedKeys(exchange: {
  seq: number;
  id: string;
  kind: string;
  origin: string;
  auth: { result: string };
  okta: DeliveryKeys['okta'];
}): DeliveryKeys | undefined {
  if (exchange.kind !== 'delivery' || !['live', 'sample', 'rebuilt'].includes(exchange.origin))
    return undefined;
  const authenticated = exchange.auth.result === 'ok' || exchange.auth.result === 'not-configured';
  return {
    seq: exchange.seq,
    exchangeId: exchange.id,
    okta: exchange.okta,
    tracked: exchange.origin !== 'rebuilt' && authenticated,
  };
}
