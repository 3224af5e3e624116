import type { OktaActor, OktaDecoded, OktaEventSummary, Problem } from '../model/exchange';
import { asRecord, asText, isRecord, nullableText, textOr, type JsonRecord } from './json-access';

/** The constant `eventType` of every delivery envelope (reference §2.2). */
export const ENVELOPE_EVENT_TYPE = 'com.okta.event_hook';

/** `source` is `https://{domain}/api/v1/eventHooks/{hookId}`; hook ids start with `who` (§2.2). */
const HOOK_ID_IN_SOURCE = /\/api\/v1\/eventHooks\/([A-Za-z0-9]+)\/?$/;

export interface DecodedDelivery {
  okta: OktaDecoded;
  problems: Problem[];
}

const problem = (code: string, message: string): Problem => ({ code, message });

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

/** `target` may be an array, an empty array or null (reference §2.3). */
const decodeTargets = (value: unknown): OktaActor[] =>
  Array.isArray(value) ? value.map(decodeActor).filter((t): t is OktaActor => t !== null) : [];

/** One System Log LogEvent, read permissively: unknown fields ignored, odd types tolerated. */
export const decodeEvent = (value: unknown): OktaEventSummary => {
  const event: JsonRecord = asRecord(value) ?? {};
  const outcome = asRecord(event.outcome);
  return {
    uuid: textOr(event.uuid, ''),
    eventType: textOr(event.eventType, ''),
    displayMessage: textOr(event.displayMessage, ''),
    published: textOr(event.published, ''),
    severity: textOr(event.severity, ''),
    outcome: {
      result: textOr(outcome?.result, ''),
      reason: nullableText(outcome?.reason),
    },
    actor: decodeActor(event.actor),
    targets: decodeTargets(event.target),
  };
};

const envelopeProblems = (envelope: JsonRecord): Problem[] => {
  const problems: Problem[] = [];
  if (envelope.eventType !== ENVELOPE_EVENT_TYPE) {
    problems.push(
      problem(
        'envelope-type',
        `eventType is ${JSON.stringify(envelope.eventType ?? null)}, not "${ENVELOPE_EVENT_TYPE}".`,
      ),
    );
  }
  if (asText(envelope.eventId) === undefined) {
    problems.push(problem('missing-event-id', 'The envelope has no eventId.'));
  }
  return problems;
};

/**
 * Decode a delivery body (reference §2.2). Never throws: whatever is unexpected becomes a
 * listed problem, so every request is still stored and shown.
 */
export const decodeDelivery = (bodyText: string | undefined): DecodedDelivery => {
  const empty: OktaDecoded = { events: [] };
  if (bodyText === undefined) {
    return { okta: empty, problems: [problem('not-utf8', 'The body is not valid UTF-8 text.')] };
  }
  if (bodyText.trim() === '') {
    return { okta: empty, problems: [problem('empty-body', 'The body is empty.')] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { okta: empty, problems: [problem('not-json', `The body is not JSON: ${reason}`)] };
  }
  if (!isRecord(parsed)) {
    return { okta: empty, problems: [problem('not-object', 'The body is JSON but not an object.')] };
  }
  return decodeEnvelope(parsed);
};

const decodeEnvelope = (envelope: JsonRecord): DecodedDelivery => {
  const problems = envelopeProblems(envelope);
  const source = asText(envelope.source);
  const hookId = source?.match(HOOK_ID_IN_SOURCE)?.[1];
  const data = asRecord(envelope.data);
  const rawEvents = data?.events;
  if (!Array.isArray(rawEvents)) {
    problems.push(problem('missing-events', 'The envelope has no data.events array.'));
  }
  const okta: OktaDecoded = {
    events: Array.isArray(rawEvents) ? rawEvents.map(decodeEvent) : [],
  };
  const eventId = asText(envelope.eventId);
  const eventTime = asText(envelope.eventTime);
  if (eventId !== undefined) okta.eventId = eventId;
  if (eventTime !== undefined) okta.eventTime = eventTime;
  if (source !== undefined) okta.source = source;
  if (hookId !== undefined) okta.hookId = hookId;
  return { okta, problems };
};
