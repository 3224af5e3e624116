import type { OktaDecoded, Problem } from '../model/exchange';
import { asRecord, asText, isRecord, type JsonRecord } from './json-access';
import { decodeEvent } from './log-event';
import { parseOktaTime } from './timestamps';

/** The constant `eventType` of every delivery envelope (reference §2.2). */
export const ENVELOPE_EVENT_TYPE = 'com.okta.event_hook';

/** `source` is `https://{domain}/api/v1/eventHooks/{hookId}`; hook ids start with `who` (§2.2). */
const HOOK_ID_IN_SOURCE = /\/api\/v1\/eventHooks\/([A-Za-z0-9]+)\/?$/;

export interface DecodedDelivery {
  okta: OktaDecoded;
  problems: Problem[];
  /** The body as parsed, when it is a JSON object: whoever needs it again need not parse it again. */
  json?: JsonRecord;
}

const problem = (code: string, message: string): Problem => ({ code, message });
const empty = (problems: Problem[]): DecodedDelivery => ({ okta: { events: [] }, problems });

/**
 * Decode a delivery's text (reference §2.2–2.3). Never throws: whatever is unexpected becomes a
 * listed problem, so every request is still stored and shown. The bytes-level checks (content
 * type, encoding, byte-order mark) happen before, where the bytes are (receiver/content-decoding).
 */
export function decodeDelivery(bodyText: string | undefined): DecodedDelivery {
  if (bodyText === undefined) {
    return empty([problem('not-utf8', 'The body is not valid UTF-8 text; Okta sends UTF-8 JSON.')]);
  }
  if (bodyText.trim() === '') return empty([problem('empty-body', 'The body is empty.')]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return empty([problem('not-json', `The body is not JSON: ${reason}`)]);
  }
  if (!isRecord(parsed)) return empty([problem('not-object', 'The body is JSON but not an object.')]);
  return { ...decodeEnvelope(parsed), json: parsed };
}

function decodeEnvelope(envelope: JsonRecord): DecodedDelivery {
  const problems = envelopeProblems(envelope);
  const rawEvents = asRecord(envelope.data)?.events;
  if (!Array.isArray(rawEvents)) {
    problems.push(problem('missing-events', 'The envelope has no data.events array.'));
  } else if (rawEvents.length === 0) {
    problems.push(problem('no-events', 'data.events is empty; Okta sends at least one event.'));
  }
  const events = Array.isArray(rawEvents) ? rawEvents.map(decodeEvent) : [];
  problems.push(...eventProblems(events));
  const okta: OktaDecoded = { events };
  const source = asText(envelope.source);
  const hookId = source?.match(HOOK_ID_IN_SOURCE)?.[1];
  const eventId = asText(envelope.eventId);
  const eventTime = asText(envelope.eventTime);
  if (eventId !== undefined) okta.eventId = eventId;
  if (eventTime !== undefined) okta.eventTime = eventTime;
  if (source !== undefined) okta.source = source;
  if (hookId !== undefined) okta.hookId = hookId;
  return { okta, problems };
}

/** Versions may be strings or numbers (the spec's examples mix them, reference §2.3). */
const versionIs = (value: unknown, expected: string) => {
  const text = asText(value);
  return text !== undefined && Number.parseFloat(text) === Number.parseFloat(expected);
};

function envelopeProblems(envelope: JsonRecord): Problem[] {
  const problems: Problem[] = [];
  if (!('eventType' in envelope)) {
    problems.push(problem('envelope-type', `There is no eventType; Okta sends "${ENVELOPE_EVENT_TYPE}".`));
  } else if (envelope.eventType !== ENVELOPE_EVENT_TYPE) {
    const got = JSON.stringify(envelope.eventType ?? null);
    problems.push(problem('envelope-type', `eventType is ${got}, not "${ENVELOPE_EVENT_TYPE}".`));
  }
  if (!versionIs(envelope.eventTypeVersion, '1.0')) {
    problems.push(
      problem('event-type-version', 'eventTypeVersion is not "1.0", the only version Okta sends.'),
    );
  }
  if (!versionIs(envelope.cloudEventsVersion, '0.1')) {
    problems.push(
      problem('cloud-events-version', 'cloudEventsVersion is not "0.1", the only version Okta sends.'),
    );
  }
  if (asText(envelope.eventId) === undefined) {
    problems.push(
      problem('missing-event-id', "The envelope has no eventId (Okta's key for spotting redeliveries)."),
    );
  }
  if (parseOktaTime(asText(envelope.eventTime)) === null) {
    problems.push(problem('event-time', 'eventTime is missing or not an ISO-8601 timestamp.'));
  }
  const source = asText(envelope.source);
  if (source === undefined || !HOOK_ID_IN_SOURCE.test(source)) {
    problems.push(problem('source', 'source is not an Okta event hook URL (…/api/v1/eventHooks/<id>).'));
  }
  return problems;
}

function eventProblems(events: ReturnType<typeof decodeEvent>[]): Problem[] {
  const missing = new Set<string>();
  for (const event of events) {
    if (event.uuid === '') missing.add('uuid');
    if (event.eventType === '') missing.add('eventType');
    if (parseOktaTime(event.published) === null) missing.add('published');
  }
  if (missing.size === 0) return [];
  const fields = [...missing].join(', ');
  return [problem('event-fields', `Some events lack a usable ${fields}; every LogEvent has them.`)];
}
