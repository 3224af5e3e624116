import type { OktaActor, OktaEventSummary } from '../model/exchange';
import { asRecord, asText, nullableText, textOr, type JsonRecord } from './json-access';

const decodeActor = (value: unknown): OktaActor | null => {
  const actor = asRecord(value);
  if (!actor) return null;
  return {
    id: textOr(actor.id, ''),
    type: textOr(actor.type, ''),
    alternateId: textOr(actor.alternateId, ''),
    displayName: textOr(actor.displayName, ''),
  };
};

/** `target` may be an array, empty, or null; search it by type, never by position (§2.3). */
const decodeTargets = (value: unknown): OktaActor[] =>
  Array.isArray(value) ? value.map(decodeActor).filter((t): t is OktaActor => t !== null) : [];

/** `debugData.targetEventHookIds` is one comma-separated string (§4.4). */
const hookIds = (debugContext: unknown): string[] => {
  const ids = asText(asRecord(asRecord(debugContext)?.debugData)?.targetEventHookIds) ?? '';
  return ids
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
};

function decodeClient(value: unknown): OktaEventSummary['client'] {
  const client = asRecord(value);
  const geo = asRecord(client?.geographicalContext);
  const userAgent = asRecord(client?.userAgent);
  return {
    ipAddress: nullableText(client?.ipAddress),
    userAgent: nullableText(userAgent?.rawUserAgent),
    browser: nullableText(userAgent?.browser),
    os: nullableText(userAgent?.os),
    city: nullableText(geo?.city),
    state: nullableText(geo?.state),
    country: nullableText(geo?.country),
  };
}

/**
 * One System Log LogEvent (reference §2.3), read permissively: unknown fields ignored, odd
 * types tolerated (numeric versions and postal codes, "null" strings, null targets).
 */
export const decodeEvent = (value: unknown): OktaEventSummary => {
  const event: JsonRecord = asRecord(value) ?? {};
  const outcome = asRecord(event.outcome);
  return {
    uuid: textOr(event.uuid, ''),
    eventType: textOr(event.eventType, ''),
    displayMessage: textOr(event.displayMessage, ''),
    published: textOr(event.published, ''),
    severity: textOr(event.severity, ''),
    outcome: { result: textOr(outcome?.result, ''), reason: nullableText(outcome?.reason) },
    actor: decodeActor(event.actor),
    targets: decodeTargets(event.target),
    transactionId: nullableText(asRecord(event.transaction)?.id),
    client: decodeClient(event.client),
    targetEventHookIds: hookIds(event.debugContext),
  };
};
