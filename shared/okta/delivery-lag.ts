import type { OktaDecoded } from '../model/exchange';
import { parseOktaTime } from './timestamps';

export interface DeliveryLag {
  /** Per event, in the delivery's order: `eventTime − published` (Okta's own delay), ms. */
  queuedMs: (number | null)[];
  /** `receivedAt − eventTime`: the trip from Okta to here, ms (clock skew included). */
  transitMs: number | null;
}

/** How late each event arrived, split into Okta's queueing and the trip here. */
export function deliveryLag(okta: OktaDecoded, receivedAt: number): DeliveryLag {
  const eventTime = parseOktaTime(okta.eventTime);
  return {
    queuedMs: okta.events.map((event) => {
      const published = parseOktaTime(event.published);
      return eventTime === null || published === null ? null : eventTime - published;
    }),
    transitMs: eventTime === null ? null : receivedAt - eventTime,
  };
}
