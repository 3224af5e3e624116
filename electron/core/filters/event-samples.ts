import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { ExchangeStore } from '../store/exchange-store';
import { carryingQuery, eventsOf, readStored, type StoredEvent } from './delivery-events';

/** The newest captured events of one type an expression is tried against while it is typed. */
export interface Sample {
  eventType: string;
  /** Newest first. */
  events: StoredEvent[];
  /** Events of the type in stored deliveries whose body cannot be read whole. */
  unreadable: number;
  /** Stored deliveries carrying the type. */
  deliveries: number;
  /** Deliveries read for the sample. */
  read: number;
}

/** Events kept per type: enough to judge an expression, few enough to check on every keystroke. */
export const SAMPLE_EVENTS = 1000;
/** Types kept at once; the least recently used one is dropped. */
const KEPT_TYPES = 6;
const PAGE = 200;

/**
 * Samples per event type, read once from the history and kept current as deliveries arrive and
 * leave, so trying an expression never reads the history again.
 */
export class EventSamples {
  private readonly kept = new Map<string, Promise<Sample>>();

  constructor(private readonly store: Pick<ExchangeStore, 'list' | 'read'>) {}

  get(eventType: string): Promise<Sample> {
    const known = this.kept.get(eventType);
    const sample = known ?? this.load(eventType);
    this.kept.delete(eventType);
    this.kept.set(eventType, sample);
    for (const oldest of [...this.kept.keys()].slice(0, Math.max(0, this.kept.size - KEPT_TYPES))) {
      this.kept.delete(oldest);
    }
    // A failed read is not kept: the next preview tries again.
    sample.catch(() => this.kept.delete(eventType));
    return sample;
  }

  appended(summary: ExchangeSummary): void {
    for (const [eventType, sample] of this.kept) {
      if (summary.kind !== 'delivery' || !summary.eventTypes.includes(eventType)) continue;
      const next = sample.then((current) => this.prepend(current, summary.seq));
      // A failed read is not kept (and not left unhandled): the next preview reads it again.
      next.catch(() => {
        if (this.kept.get(eventType) === next) this.kept.delete(eventType);
      });
      this.kept.set(eventType, next);
    }
  }

  /** Exchanges deleted or evicted: their events leave the samples, counts are read again. */
  removed(seqs: number[]): void {
    if (seqs.length === 0) return;
    this.kept.clear();
  }

  cleared(): void {
    this.kept.clear();
  }

  private async prepend(sample: Sample, seq: number): Promise<Sample> {
    if (sample.events.some((event) => event.seq === seq)) return sample;
    const exchange = await this.store.read(seq);
    if (!exchange) return sample;
    const { events, unreadable } = eventsOf(exchange);
    const mine = events.filter((event) => event.eventType === sample.eventType);
    return {
      ...sample,
      events: [...mine, ...sample.events].slice(0, SAMPLE_EVENTS),
      unreadable: sample.unreadable + unreadable.filter((type) => type === sample.eventType).length,
      deliveries: sample.deliveries + 1,
      read: sample.read + 1,
    };
  }

  private async load(eventType: string): Promise<Sample> {
    const sample: Sample = { eventType, events: [], unreadable: 0, deliveries: 0, read: 0 };
    let cursor: number | undefined;
    do {
      const page = await this.store.list({ limit: PAGE, cursor, query: carryingQuery([eventType]) });
      if (cursor === undefined) sample.deliveries = page.total;
      const seqs = page.items.map((item) => item.seq);
      for await (const { exchanges } of readStored(this.store, seqs)) {
        for (const exchange of exchanges) {
          const { events, unreadable } = eventsOf(exchange);
          sample.events.push(...events.filter((event) => event.eventType === eventType));
          sample.unreadable += unreadable.filter((type) => type === eventType).length;
          sample.read += 1;
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && sample.events.length < SAMPLE_EVENTS);
    sample.events = sample.events.slice(0, SAMPLE_EVENTS);
    return sample;
  }
}
