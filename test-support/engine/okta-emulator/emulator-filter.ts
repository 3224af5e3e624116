import { oktaError, validationFailed, type EmulatedError } from './emulator-errors';
import { asRecord, type JsonRecord } from './emulator-json';

/** One `events.filter.eventFilterMap` entry as the emulated org keeps it. */
export interface StoredFilterEntry {
  event: string;
  expression: string;
}

/** The only filter type (read-only in the API). */
const FILTER_TYPE = 'EXPRESSION_LANGUAGE';

/**
 * Event hook filters are a self-service Early Access feature an admin turns on per org
 * (https://developer.okta.com/docs/guides/event-hook-filtering/). Okta does not document the
 * answer to a filter sent while it is off; the emulator answers with its validation error
 * shape, naming the field.
 */
export const filtersOff = (): EmulatedError =>
  oktaError(400, 'E0000001', 'Api validation failed: eventHook', [
    'events.filter: Event hook filters are not enabled for this org.',
  ]);

/**
 * `events.filter` of a create or replace body
 * (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/):
 * null or absent clears it; otherwise each entry names one subscribed event type once, with an
 * expression. The emulator does not evaluate expressions (it shares no code with the
 * inspector): it delivers every event, as an org whose filter passes everything would.
 */
export function readFilter(
  value: unknown,
  items: string[],
  enabled: boolean,
): { entries: StoredFilterEntry[] | null } | EmulatedError {
  if (value === undefined || value === null) return { entries: null };
  if (!enabled) return filtersOff();
  const map = asRecord(value)?.eventFilterMap;
  if (!Array.isArray(map))
    return validationFailed('eventHook', ['events.filter.eventFilterMap: is required']);
  const causes: string[] = [];
  const entries: StoredFilterEntry[] = [];
  for (const item of map) {
    const event = asRecord(item)?.event;
    const expression = asRecord(asRecord(item)?.condition)?.expression;
    if (typeof event !== 'string' || !items.includes(event)) {
      causes.push(
        `events.filter.eventFilterMap.event: ${String(event)} is not one of the hook's event types`,
      );
    } else if (entries.some((entry) => entry.event === event)) {
      causes.push(`events.filter.eventFilterMap.event: ${event} has more than one filter`);
    } else if (typeof expression !== 'string' || expression.trim() === '') {
      causes.push(`events.filter.eventFilterMap.condition.expression: ${event} needs an expression`);
    } else entries.push({ event, expression });
  }
  if (causes.length > 0) return validationFailed('eventHook', causes);
  return { entries: entries.length === 0 ? null : entries };
}

/** As Okta returns it: the type, and each condition with its (internal, read-only) version. */
export function filterJson(entries: StoredFilterEntry[] | null): JsonRecord | null {
  if (entries === null) return null;
  return {
    type: FILTER_TYPE,
    eventFilterMap: entries.map(({ event, expression }) => ({
      event,
      condition: { expression, version: null },
    })),
  };
}
