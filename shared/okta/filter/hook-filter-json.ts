import { asRecord, asText } from '../json-access';
import type { FilterEntry } from './event-filter';

/** The only filter type Okta has (read-only in the API). */
export const FILTER_TYPE = 'EXPRESSION_LANGUAGE';

/**
 * `events.filter` of an EventHook as Okta's Management API takes it
 * (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/):
 * `{ type, eventFilterMap: [{ event, condition: { expression } }] }`; null clears it.
 */
export function toOktaFilter(entries: readonly FilterEntry[] | null): Record<string, unknown> | null {
  if (entries === null || entries.length === 0) return null;
  return {
    type: FILTER_TYPE,
    eventFilterMap: entries.map(({ eventType, expression }) => ({
      event: eventType,
      condition: { expression },
    })),
  };
}

/**
 * The entries of a hook's `events.filter`, read permissively (unknown fields ignored, entries
 * without an event type or an expression left out); null when the hook has no filter.
 */
export function fromOktaFilter(filter: unknown): FilterEntry[] | null {
  const map = asRecord(filter)?.eventFilterMap;
  if (!Array.isArray(map)) return null;
  const entries = map.flatMap((item) => {
    const entry = asRecord(item);
    const eventType = asText(entry?.event);
    const expression = asText(asRecord(entry?.condition)?.expression);
    return eventType === undefined || expression === undefined ? [] : [{ eventType, expression }];
  });
  return entries.length === 0 ? null : entries;
}

/** Same event types and expressions, in any order: what Okta saved is what was sent. */
export function sameEntries(a: readonly FilterEntry[] | null, b: readonly FilterEntry[] | null): boolean {
  const key = (entries: readonly FilterEntry[] | null) =>
    JSON.stringify((entries ?? []).map((e) => [e.eventType, e.expression]).sort());
  return key(a) === key(b);
}
