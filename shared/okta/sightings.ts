import type { OktaDecoded, OktaEventSummary, Sightings } from '../model/exchange';
import { parseOktaTime } from './timestamps';

/** The part of a decoded delivery that duplicate and order tracking remembers. */
export type SightingKeys = Pick<OktaDecoded, 'eventId' | 'hookId'> & {
  events: Pick<OktaEventSummary, 'uuid' | 'published'>[];
};

/** Just the sighting keys of a delivery, so a store restoring 100,000 keeps little else alive. */
export const sightingKeys = (okta: OktaDecoded): SightingKeys => ({
  ...(okta.eventId === undefined ? {} : { eventId: okta.eventId }),
  ...(okta.hookId === undefined ? {} : { hookId: okta.hookId }),
  events: okta.events.map(({ uuid, published }) => ({ uuid, published })),
});

/**
 * Okta delivers at least once and not always in order (reference §4.2): the same delivery can
 * come again (same `eventId`), the same event can come in another batch (same `uuid`), and
 * events can arrive after later ones. This remembers what was seen, in memory, per data folder.
 */
export class SightingsTracker {
  private readonly byEventId = new Map<string, string>();
  private readonly byUuid = new Map<string, string>();
  /** Latest `published` seen per hook (events are ordered per hook). */
  private readonly latestPublished = new Map<string, number>();

  /** Judge a new delivery against what came before (call `remember` once it is stored). */
  judge(okta: OktaDecoded): Sightings {
    const sightings: Sightings = { repeatedEvents: [], outOfOrder: [] };
    const first = okta.eventId === undefined ? undefined : this.byEventId.get(okta.eventId);
    if (first !== undefined) {
      // A redelivery repeats every event; saying so once is enough.
      sightings.repeatOf = first;
    } else {
      sightings.repeatedEvents = this.repeatedEvents(okta);
      sightings.outOfOrder = this.outOfOrder(okta);
    }
    return sightings;
  }

  /** Record a stored delivery (also when rebuilding from the store at start-up). */
  remember(exchangeId: string, okta: SightingKeys): void {
    if (okta.eventId !== undefined && !this.byEventId.has(okta.eventId))
      this.byEventId.set(okta.eventId, exchangeId);
    const hook = okta.hookId ?? '';
    for (const event of okta.events) {
      if (event.uuid !== '' && !this.byUuid.has(event.uuid)) this.byUuid.set(event.uuid, exchangeId);
      const published = parseOktaTime(event.published);
      if (published !== null && published > (this.latestPublished.get(hook) ?? -Infinity)) {
        this.latestPublished.set(hook, published);
      }
    }
  }

  reset(): void {
    this.byEventId.clear();
    this.byUuid.clear();
    this.latestPublished.clear();
  }

  private repeatedEvents(okta: OktaDecoded): Sightings['repeatedEvents'] {
    return okta.events.flatMap((event) => {
      const firstExchangeId = event.uuid === '' ? undefined : this.byUuid.get(event.uuid);
      return firstExchangeId === undefined ? [] : [{ uuid: event.uuid, firstExchangeId }];
    });
  }

  private outOfOrder(okta: OktaDecoded): string[] {
    const latest = this.latestPublished.get(okta.hookId ?? '');
    if (latest === undefined) return [];
    return okta.events
      .filter((event) => {
        const published = parseOktaTime(event.published);
        return published !== null && published < latest;
      })
      .map((event) => event.uuid);
  }
}
