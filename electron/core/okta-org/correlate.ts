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
import type { LogEntry } from './log-book';

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

/** Okta may take minutes to deliver (reference §4.2); until then an absent event is not missing. */
export const PENDING_MS = 5 * 60_000;
/** A failure is tied to an event of its hook published at most this long before it. */
const FAILURE_WINDOW_MS = 5 * 60_000;

const time = (text: string) => parseOktaTime(text) ?? 0;
const accepted = (capture: Capture) =>
  capture.status >= 200 && capture.status < 300 && capture.durationMs <= OKTA_TIMEOUT_MS;

interface Failure {
  entry: LogEntry;
  at: number;
  used: boolean;
}

const failureOf = (failure: Failure, match: DeliveryFailure['match']): DeliveryFailure => ({
  logUuid: failure.entry.uuid,
  published: failure.entry.summary.published,
  hookId: failure.entry.aboutHook,
  reason: failure.entry.summary.outcome.reason,
  match,
});

/** A failure record that names the event (any debugData value mentioning its uuid). */
function exactFailure(uuid: string, failures: Failure[]): Failure | undefined {
  return failures.find((failure) => {
    const debugData = (failure.entry.raw.debugContext as { debugData?: unknown } | undefined)?.debugData;
    return JSON.stringify(debugData ?? {}).includes(uuid);
  });
}

/**
 * The delivery failure Okta logged for an event not accepted here: one naming it, or else the
 * first failure of one of its hooks logged after it (strictly: a delivery attempt takes time)
 * and within a few minutes (Okta does not document what a failure record names, reference
 * §4.4, §11; the match says which way it was found).
 */
function failureFor(entry: LogEntry, hookIds: string[], failures: Failure[], wasAccepted: boolean) {
  const exact = exactFailure(entry.uuid, failures);
  if (exact) return { failure: exact, match: 'exact' as const };
  if (wasAccepted) return null;
  const published = time(entry.summary.published);
  const byTime = failures.find(
    (failure) =>
      failure.entry.aboutHook !== null &&
      hookIds.includes(failure.entry.aboutHook) &&
      failure.at > published &&
      failure.at - published <= FAILURE_WINDOW_MS,
  );
  return byTime ? { failure: byTime, match: 'by-time' as const } : null;
}

function statusOf(found: boolean, arrivals: Capture[], published: number, now: number): DeliveryStatus {
  if (found) return 'failed';
  if (arrivals.some(accepted)) return 'received';
  if (arrivals.length > 0) return 'refused';
  return now - published < PENDING_MS ? 'pending' : 'missing';
}

function recordOf(entry: LogEntry, input: CorrelationInput, failures: Failure[]): DeliveryRecord {
  const hookIds = entry.summary.targetEventHookIds.filter((id) => input.tracked.has(id));
  const arrivals = input.arrivals(entry.uuid);
  const found = failureFor(entry, hookIds, failures, arrivals.some(accepted));
  if (found) found.failure.used = true;
  return {
    uuid: entry.uuid,
    eventType: entry.summary.eventType,
    published: entry.summary.published,
    displayMessage: entry.summary.displayMessage,
    hookIds,
    status: statusOf(found !== null, arrivals, time(entry.summary.published), input.now),
    captures: arrivals.map(({ exchangeId, status, durationMs, receivedAt }) => ({
      exchangeId,
      status,
      durationMs,
      receivedAt,
    })),
    resentAs: input.resends(entry.uuid),
    failure: found ? failureOf(found.failure, found.match) : null,
  };
}

const verificationOf = (entry: LogEntry): VerificationRecord => ({
  logUuid: entry.uuid,
  hookId: entry.aboutHook,
  published: entry.summary.published,
  result: entry.summary.outcome.result,
  reason: entry.summary.outcome.reason,
});

const emptyCounts = (): DeliveryCounts => ({ received: 0, refused: 0, failed: 0, pending: 0, missing: 0 });

/** Okta's account of each event meant for a tracked hook, next to what arrived here. */
export function correlate(input: CorrelationInput): Correlation {
  const byPublished = [...input.entries].sort(
    (a, b) => time(a.summary.published) - time(b.summary.published),
  );
  const concerns = (entry: LogEntry) => entry.aboutHook !== null && input.tracked.has(entry.aboutHook);
  const failures: Failure[] = byPublished
    .filter((e) => e.summary.eventType === 'event_hook.delivery' && concerns(e))
    .map((entry) => ({ entry, at: time(entry.summary.published), used: false }));
  const records = byPublished
    .filter(
      (entry) =>
        !entry.summary.eventType.startsWith('event_hook.') &&
        entry.summary.targetEventHookIds.some((id) => input.tracked.has(id)),
    )
    .map((entry) => recordOf(entry, input, failures))
    .reverse();
  const counts = emptyCounts();
  for (const record of records) counts[record.status] += 1;
  return {
    records,
    byUuid: new Map(records.map((record) => [record.uuid, record])),
    verifications: byPublished
      .filter((e) => e.summary.eventType === 'event_hook.verified' && concerns(e))
      .map(verificationOf)
      .reverse(),
    unmatchedFailures: failures.filter((f) => !f.used).map((f) => failureOf(f, 'by-time')),
    counts,
  };
}
