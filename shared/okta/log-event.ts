import type { OktaActor, OktaEventSummary } from '../model/exchange';
import { asRecord, asText, nullableText, type JsonRecord } from './json-access';

/**
 * Longest text kept per decoded field. Okta's identifiers, event types and timestamps are far
 * shorter than SHORT, its messages and user agents shorter than LONG; whatever is longer is cut
 * (with …) in the summary, which every list, search and tracker reads, while the payload keeps
 * it whole. An unbounded field let one request plant a 240 KB event type that every `type:`
 * search then walked.
 */
export const FIELD_LIMITS = { short: 256, long: 1024 } as const;
/** Targets kept per event; Okta's events name a handful. */
export const MAX_TARGETS = 20;
/** An event is meant for at most every hook of an org, and an org has at most 25 of them. */
export const MAX_HOOK_IDS = 25;

/** Notes what a decoder had to cut, so the exchange can say so. */
export interface CutNotes {
  cut: boolean;
}

type Reader = (value: unknown, limit: number) => string;
type NullableReader = (value: unknown, limit: number) => string | null;

/** `text` cut to `limit` characters (and … added) when longer, noted in `notes`. */
export function bounded(text: string, limit: number, notes: CutNotes): string {
  if (text.length <= limit) return text;
  notes.cut = true;
  return `${text.slice(0, limit)}…`;
}

function readers(notes: CutNotes): { text: Reader; nullable: NullableReader } {
  const text: Reader = (value, limit) => bounded(asText(value) ?? '', limit, notes);
  const nullable: NullableReader = (value, limit) => {
    const found = nullableText(value);
    return found === null ? null : bounded(found, limit, notes);
  };
  return { text, nullable };
}

const { short: SHORT, long: LONG } = FIELD_LIMITS;

function decodeActor(value: unknown, text: Reader): OktaActor | null {
  const actor = asRecord(value);
  if (!actor) return null;
  return {
    id: text(actor.id, SHORT),
    type: text(actor.type, SHORT),
    alternateId: text(actor.alternateId, LONG),
    displayName: text(actor.displayName, LONG),
  };
}

/** `target` may be an array, empty, or null; search it by type, never by position. */
function decodeTargets(value: unknown, text: Reader, notes: CutNotes): OktaActor[] {
  if (!Array.isArray(value)) return [];
  if (value.length > MAX_TARGETS) notes.cut = true;
  return value
    .slice(0, MAX_TARGETS)
    .map((target) => decodeActor(target, text))
    .filter((target): target is OktaActor => target !== null);
}

/** `debugData.targetEventHookIds` is one comma-separated string. */
function hookIds(debugContext: unknown, text: Reader, notes: CutNotes): string[] {
  const ids = (asText(asRecord(asRecord(debugContext)?.debugData)?.targetEventHookIds) ?? '')
    .split(',', MAX_HOOK_IDS + 1)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length > MAX_HOOK_IDS) notes.cut = true;
  return ids.slice(0, MAX_HOOK_IDS).map((id) => text(id, SHORT));
}

function decodeClient(value: unknown, nullable: NullableReader): OktaEventSummary['client'] {
  const client = asRecord(value);
  const geo = asRecord(client?.geographicalContext);
  const userAgent = asRecord(client?.userAgent);
  return {
    ipAddress: nullable(client?.ipAddress, SHORT),
    userAgent: nullable(userAgent?.rawUserAgent, LONG),
    browser: nullable(userAgent?.browser, SHORT),
    os: nullable(userAgent?.os, SHORT),
    city: nullable(geo?.city, SHORT),
    state: nullable(geo?.state, SHORT),
    country: nullable(geo?.country, SHORT),
  };
}

/**
 * One System Log LogEvent
 * (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/), read
 * permissively: unknown fields ignored, odd types tolerated (numeric versions and postal codes,
 * "null" strings, null targets), every field bounded (FIELD_LIMITS); `notes.cut` says if any was cut.
 */
export function decodeEvent(value: unknown, notes: CutNotes = { cut: false }): OktaEventSummary {
  const { text, nullable } = readers(notes);
  const event: JsonRecord = asRecord(value) ?? {};
  const outcome = asRecord(event.outcome);
  return {
    uuid: text(event.uuid, SHORT),
    eventType: text(event.eventType, SHORT),
    displayMessage: text(event.displayMessage, LONG),
    published: text(event.published, SHORT),
    severity: text(event.severity, SHORT),
    outcome: { result: text(outcome?.result, SHORT), reason: nullable(outcome?.reason, LONG) },
    actor: decodeActor(event.actor, text),
    targets: decodeTargets(event.target, text, notes),
    transactionId: nullable(asRecord(event.transaction)?.id, SHORT),
    client: decodeClient(event.client, nullable),
    targetEventHookIds: hookIds(event.debugContext, text, notes),
  };
}
