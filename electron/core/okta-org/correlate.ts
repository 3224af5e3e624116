import type {
  DeliveryCounts,
  DeliveryFailure,
  DeliveryRecord,
  DeliveryStatus,
  VerificationRecord,
} from '../../../shared/model/okta';
import { OKTA_TIMEOUT_MS } from '../../../shared/okta/headers';
import { parseOktaTime } from '../../../shared/okta/timestamps';
import type { Capture } from './capture-index';
import type { LogEntry } from './system-log-events';

export interface CorrelationInput {
  entries: LogEntry[];
  /** Hooks whose deliveries are followed. */
  tracked: ReadonlySet<string>;
  arrivals(uuid: string): Capture[];
  resends(uuid: string): string[];
  now: number;
}

export interface Correlation {
  /** Newest first. */
  records: DeliveryRecord[];
  byUuid: Map<string, DeliveryRecord>;
  verifications: VerificationRecord[];
  unmatchedFailures: DeliveryFailure[];
  counts: DeliveryCounts;
}

/** Okta may take minutes to deliver (https://developer.okta.com/docs/concepts/event-hooks/#ongoing-event-delivery); until then an absent event is not missing. */
export const PENDING_MS = 5 * 60_000;

/** Okta's event hook ids (`who…`, https://developer.okta.com/docs/concepts/event-hooks/). */
const HOOK_ID = /^who[A-Za-z0-9]{8,}$/;

const NO_EARLIER_EVENT =
  'No event of this hook published before it, and not accepted here, was fetched from the System Log (it reaches 24 hours back).';
const NAMES_NO_HOOK = 'The record names no event hook, so it cannot be tied to an event.';

const time = (text: string) => parseOktaTime(text) ?? 0;
const accepted = (capture: Capture) =>
  capture.status >= 200 && capture.status < 300 && capture.durationMs <= OKTA_TIMEOUT_MS;

/** One `event_hook.delivery` record of a followed hook (or of no hook it can name). */
interface Failure {
  entry: LogEntry;
  at: number;
  hookId: string | null;
}

/** An event meant for a followed hook, while its record is being worked out. */
interface Pending {
  entry: LogEntry;
  at: number;
  hookIds: string[];
  arrivals: Capture[];
  failure: DeliveryFailure | null;
}

const failureOf = (failure: Failure, match: DeliveryFailure['match'], untied: string | null = null) => ({
  logUuid: failure.entry.uuid,
  published: failure.entry.summary.published,
  hookId: failure.hookId,
  reason: failure.entry.summary.outcome.reason,
  match,
  untied,
});

/**
 * The failures that concern us: those naming a followed hook (anywhere: Okta does not document
 * where), and those naming no hook at all, which are shown as untied rather than dropped.
 */
function failuresOf(entries: LogEntry[], tracked: ReadonlySet<string>): Failure[] {
  return entries.flatMap((entry) => {
    if (entry.summary.eventType !== 'event_hook.delivery') return [];
    const hookId = entry.mentions.find((id) => tracked.has(id)) ?? null;
    if (hookId === null && entry.mentions.some((id) => HOOK_ID.test(id))) return [];
    return [{ entry, at: time(entry.summary.published), hookId }];
  });
}

/** Events the record names by uuid (in any debugData value): Okta's own word, trusted over a 2xx here. */
function tieExact(failure: Failure, events: Pending[]): boolean {
  const debugData = JSON.stringify(
    (failure.entry.raw.debugContext as { debugData?: unknown } | undefined)?.debugData ?? {},
  );
  const named = events.filter((event) => debugData.includes(event.entry.uuid));
  for (const event of named) event.failure = failureOf(failure, 'exact');
  return named.length > 0;
}

/**
 * Okta promises no maximum delay before it delivers or logs a failure (https://developer.okta.com/docs/concepts/event-hooks/#ongoing-event-delivery), so a
 * record naming only its hook is tied to the nearest earlier event of that hook that is not
 * accepted here and not yet explained, however long before, together with the events that
 * arrived in the same delivery as that one.
 */
function tieByHook(failure: Failure, events: Pending[], byExchange: Map<string, Pending[]>): boolean {
  const nearest = events
    .filter(
      (event) =>
        event.failure === null &&
        failure.hookId !== null &&
        event.hookIds.includes(failure.hookId) &&
        event.at < failure.at &&
        !event.arrivals.some(accepted),
    )
    .reduce<Pending | null>((best, event) => (best === null || event.at > best.at ? event : best), null);
  if (nearest === null) return false;
  const batch = nearest.arrivals.flatMap((capture) => byExchange.get(capture.exchangeId) ?? []);
  for (const event of [nearest, ...batch]) event.failure ??= failureOf(failure, 'by-time');
  return true;
}

function statusOf(event: Pending, now: number): DeliveryStatus {
  if (event.failure !== null) return 'failed';
  if (event.arrivals.some(accepted)) return 'received';
  if (event.arrivals.length > 0) return 'refused';
  return now - event.at < PENDING_MS ? 'pending' : 'missing';
}

function recordOf(event: Pending, input: CorrelationInput): DeliveryRecord {
  const { entry } = event;
  return {
    uuid: entry.uuid,
    eventType: entry.summary.eventType,
    published: entry.summary.published,
    displayMessage: entry.summary.displayMessage,
    hookIds: event.hookIds,
    status: statusOf(event, input.now),
    captures: event.arrivals.map(({ exchangeId, status, durationMs, receivedAt }) => ({
      exchangeId,
      status,
      durationMs,
      receivedAt,
    })),
    resentAs: input.resends(entry.uuid),
    failure: event.failure,
    filter: null,
  };
}

const verificationOf = (entry: LogEntry, tracked: ReadonlySet<string>): VerificationRecord => ({
  logUuid: entry.uuid,
  hookId: entry.mentions.find((id) => tracked.has(id)) ?? null,
  published: entry.summary.published,
  result: entry.summary.outcome.result,
  reason: entry.summary.outcome.reason,
});

const emptyCounts = (): DeliveryCounts => ({ received: 0, refused: 0, failed: 0, pending: 0, missing: 0 });

function pendingEvents(byPublished: LogEntry[], input: CorrelationInput): Pending[] {
  return byPublished
    .filter(
      (entry) =>
        !entry.summary.eventType.startsWith('event_hook.') &&
        entry.summary.targetEventHookIds.some((id) => input.tracked.has(id)),
    )
    .map((entry) => ({
      entry,
      at: time(entry.summary.published),
      hookIds: entry.summary.targetEventHookIds.filter((id) => input.tracked.has(id)),
      arrivals: input.arrivals(entry.uuid),
      failure: null,
    }));
}

/** Which events arrived together: one delivery carries a batch (https://developer.okta.com/docs/concepts/event-hooks/#ongoing-event-delivery). */
function byExchangeOf(events: Pending[]): Map<string, Pending[]> {
  const map = new Map<string, Pending[]>();
  for (const event of events) {
    for (const { exchangeId } of event.arrivals) map.set(exchangeId, [...(map.get(exchangeId) ?? []), event]);
  }
  return map;
}

/** Okta's account of each event meant for a tracked hook, next to what arrived here. */
export function correlate(input: CorrelationInput): Correlation {
  const byPublished = [...input.entries].sort(
    (a, b) => time(a.summary.published) - time(b.summary.published),
  );
  const events = pendingEvents(byPublished, input);
  const byExchange = byExchangeOf(events);
  const unmatchedFailures: DeliveryFailure[] = [];
  for (const failure of failuresOf(byPublished, input.tracked)) {
    if (tieExact(failure, events) || tieByHook(failure, events, byExchange)) continue;
    unmatchedFailures.push(
      failureOf(failure, 'none', failure.hookId === null ? NAMES_NO_HOOK : NO_EARLIER_EVENT),
    );
  }
  const records = events.map((event) => recordOf(event, input)).reverse();
  const counts = emptyCounts();
  for (const record of records) counts[record.status] += 1;
  return {
    records,
    byUuid: new Map(records.map((record) => [record.uuid, record])),
    verifications: byPublished
      .filter(
        (e) =>
          e.summary.eventType === 'event_hook.verified' && e.mentions.some((id) => input.tracked.has(id)),
      )
      .map((entry) => verificationOf(entry, input.tracked))
      .reverse(),
    unmatchedFailures,
    counts,
  };
}
