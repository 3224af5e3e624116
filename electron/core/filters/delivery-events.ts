import type { Exchange } from '../../../shared/model/exchange';
import { eventTypeOf } from '../../../shared/okta/filter/event-filter';
import type { ExchangeStore } from '../store/exchange-store';

/** One event of a stored delivery, as Okta sent it. */
export interface StoredEvent {
  seq: number;
  exchangeId: string;
  receivedAt: number;
  /** The LogEvent exactly as it came in the body. */
  raw: unknown;
  eventType: string;
}

/** Records read from the log at once: the reads overlap instead of waiting on each other. */
export const READ_AHEAD = 64;

/**
 * The events of a stored delivery, read from its body as received (content encoding undone):
 * the summary's events are cut to bounded lengths and would not compare as Okta compares. Events
 * of a body stored cut, or not JSON, cannot be read: they count as what cannot be checked.
 */
export function eventsOf(exchange: Exchange): { events: StoredEvent[]; unreadable: string[] } {
  const body = exchange.request.decodedBody ?? exchange.request.body;
  const raw = body.truncated || body.text === undefined ? null : parseEvents(body.text);
  if (raw === null) return { events: [], unreadable: exchange.okta.events.map((event) => event.eventType) };
  const { seq, id: exchangeId, receivedAt } = exchange;
  const events = raw.flatMap((event) => {
    const eventType = eventTypeOf(event);
    return eventType === null ? [] : [{ seq, exchangeId, receivedAt, raw: event, eventType }];
  });
  return { events, unreadable: [] };
}

function parseEvents(text: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    const data = typeof parsed === 'object' && parsed !== null ? (parsed as { data?: unknown }).data : null;
    const events = typeof data === 'object' && data !== null ? (data as { events?: unknown }).events : null;
    return Array.isArray(events) ? events : null;
  } catch {
    return null;
  }
}

/**
 * The stored exchanges of these seqs, in order, READ_AHEAD at a time (`asked`: seqs of the
 * group, deleted ones included); those deleted since are left out.
 */
export async function* readStored(
  store: Pick<ExchangeStore, 'read'>,
  seqs: number[],
  signal?: AbortSignal,
): AsyncGenerator<{ exchanges: Exchange[]; asked: number }> {
  for (let start = 0; start < seqs.length && !signal?.aborted; start += READ_AHEAD) {
    const group = seqs.slice(start, start + READ_AHEAD);
    const read = await Promise.all(group.map((seq) => store.read(seq).catch(() => undefined)));
    yield { exchanges: read.filter((exchange) => exchange !== undefined), asked: group.length };
  }
}

/** The search the store answers with the deliveries carrying any of these event types. */
export const carryingQuery = (types: readonly string[]): string => `kind:delivery type:${types.join(',')}`;
