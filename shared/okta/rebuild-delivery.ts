import { ENVELOPE_EVENT_TYPE } from './envelope';
import { asRecord, asText } from './json-access';
import { parseOktaTime } from './timestamps';

export interface RebuildContext {
  /** The org's base URL, `https://dev-123456.okta.com`. */
  domain: string;
  hookId: string;
  /** A fresh delivery id: a rebuilt delivery is a new request, not Okta's retry. */
  eventId: string;
  now: number;
}

const publishedOf = (event: unknown) => parseOktaTime(asText(asRecord(event)?.published)) ?? Infinity;
const byPublished = (a: unknown, b: unknown) => {
  const [pa, pb] = [publishedOf(a), publishedOf(b)];
  return pa === pb ? 0 : pa < pb ? -1 : 1;
};

/**
 * A delivery built from System Log events the way the Admin Console's Preview does
 * (https://developer.okta.com/docs/guides/event-hook-implementation/nodejs/main/#preview-and-test-the-event-hook): the usual envelope with a fresh eventId and the current time, and
 * each LogEvent, exactly as the System Log API returned it, in `data.events` in published order.
 */
export function rebuildDelivery(events: unknown[], context: RebuildContext): Record<string, unknown> {
  return {
    eventType: ENVELOPE_EVENT_TYPE,
    eventTypeVersion: '1.0',
    cloudEventsVersion: '0.1',
    source: `${context.domain}/api/v1/eventHooks/${context.hookId}`,
    eventId: context.eventId,
    eventTime: new Date(context.now).toISOString(),
    contentType: 'application/json',
    data: { events: [...events].sort(byPublished) },
  };
}
