import type { Exchange, ExchangeOrigin, ExchangeSummary } from '../../../shared/model/exchange';

/** One stored delivery carrying an event, as the correlation needs it. */
export interface Capture {
  exchangeId: string;
  origin: ExchangeOrigin;
  status: number;
  durationMs: number;
  receivedAt: number;
}

interface Indexed {
  capture: Capture;
  uuids: string[];
}

/** Verification requests kept for linking a verify step to the challenge the receiver answered. */
const RECENT_VERIFICATIONS = 100;

type Read = (id: string) => Promise<Exchange | undefined>;

const wanted = (summary: Pick<ExchangeSummary, 'kind' | 'origin'>) =>
  summary.kind === 'delivery' && (summary.origin === 'live' || summary.origin === 'rebuilt');

/**
 * Which stored exchanges carry which event uuids: deliveries from Okta (`live`) and deliveries
 * rebuilt from the System Log (`rebuilt`), kept current as exchanges are stored, finish, or are
 * cleared. In memory, rebuilt from the store at start-up. A new delivery is read back from
 * disk for its events only while an org is connected, so the receiver pays nothing otherwise.
 */
export class CaptureIndex {
  private active = false;
  private readonly byUuid = new Map<string, Capture[]>();
  private readonly byExchange = new Map<string, Indexed>();
  private verifications: { exchangeId: string; receivedAt: number }[] = [];
  private listener: () => void = () => undefined;

  /** Called after every change that may alter the correlation. */
  onChange(listener: () => void): void {
    this.listener = listener;
  }

  add(exchange: Exchange): void {
    if (exchange.kind === 'verification') return this.verification(exchange.id, exchange.receivedAt);
    if (!wanted(exchange) || this.byExchange.has(exchange.id)) return;
    const capture: Capture = {
      exchangeId: exchange.id,
      origin: exchange.origin,
      status: exchange.response.status,
      durationMs: exchange.timing.durationMs,
      receivedAt: exchange.receivedAt,
    };
    // Arrays of exactly their length: `filter` and spreading into a literal leave room for 17
    // items, which at 100,000 restored deliveries was 28 MB of empty slots (bench/README.md).
    const all = exchange.okta.events.map((event) => event.uuid);
    const uuids = all.includes('') ? all.filter((uuid) => uuid !== '') : all;
    this.byExchange.set(exchange.id, { capture, uuids });
    for (const uuid of uuids) {
      const known = this.byUuid.get(uuid);
      this.byUuid.set(uuid, known ? [...known, capture] : [capture]);
    }
    this.listener();
  }

  /** A new exchange was stored: index it (deliveries are read back in full for their events). */
  appended(summary: ExchangeSummary, read: Read): void {
    if (summary.kind === 'verification') return this.verification(summary.id, summary.receivedAt);
    if (this.active && wanted(summary))
      void read(summary.id).then((exchange) => exchange && this.add(exchange));
  }

  /** An org is connected: index new deliveries, and those stored meanwhile among `recent`. */
  activate(recent: ExchangeSummary[], read: Read): void {
    this.active = true;
    for (const summary of recent) {
      if (wanted(summary) && !this.byExchange.has(summary.id)) {
        void read(summary.id).then((exchange) => exchange && this.add(exchange));
      }
    }
  }

  deactivate(): void {
    this.active = false;
  }

  /** The final duration is known once the answer went out. */
  updated(summary: ExchangeSummary): void {
    const indexed = this.byExchange.get(summary.id);
    if (!indexed) return;
    Object.assign(indexed.capture, { status: summary.status, durationMs: summary.durationMs });
    this.listener();
  }

  /** Exchanges deleted or evicted from the store. */
  remove(ids: string[]): void {
    for (const id of ids) {
      const indexed = this.byExchange.get(id);
      if (!indexed) continue;
      this.byExchange.delete(id);
      for (const uuid of indexed.uuids) {
        const rest = (this.byUuid.get(uuid) ?? []).filter((capture) => capture.exchangeId !== id);
        if (rest.length > 0) this.byUuid.set(uuid, rest);
        else this.byUuid.delete(uuid);
      }
    }
    this.listener();
  }

  clear(): void {
    this.byUuid.clear();
    this.byExchange.clear();
    this.verifications = [];
    this.listener();
  }

  /** Okta's own deliveries of this event, in the order they arrived. */
  arrivals(uuid: string): Capture[] {
    return (this.byUuid.get(uuid) ?? []).filter((capture) => capture.origin === 'live');
  }

  /** Deliveries rebuilt here from the System Log record of this event. */
  resends(uuid: string): string[] {
    return (this.byUuid.get(uuid) ?? [])
      .filter((capture) => capture.origin === 'rebuilt')
      .map((capture) => capture.exchangeId);
  }

  private verification(exchangeId: string, receivedAt: number): void {
    this.verifications = [...this.verifications, { exchangeId, receivedAt }].slice(-RECENT_VERIFICATIONS);
  }

  /** Verification requests that arrived between two instants (epoch ms). */
  verificationsBetween(from: number, to: number): string[] {
    return this.verifications
      .filter((entry) => entry.receivedAt >= from && entry.receivedAt <= to)
      .map((entry) => entry.exchangeId);
  }
}
