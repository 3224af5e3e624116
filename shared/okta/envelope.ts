import type { OktaDecoded, OktaEventSummary, Problem } from '../model/exchange';
import { asRecord, asText, isRecord, type JsonRecord } from './json-access';
import { bounded, decodeEvent, FIELD_LIMITS, MAX_TARGETS, type CutNotes } from './log-event';
import { parseOktaTime } from './timestamps';

/** The constant `eventType` of every delivery envelope (https://developer.okta.com/docs/concepts/event-hooks/#sample-event-delivery-payload). */
export const ENVELOPE_EVENT_TYPE = 'com.okta.event_hook';

/** `source` is `https://{domain}/api/v1/eventHooks/{hookId}`; hook ids start with `who` (https://developer.okta.com/docs/concepts/event-hooks/#sample-event-delivery-payload). */
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
 * Decode a delivery's text (https://developer.okta.com/docs/concepts/event-hooks/#sample-event-delivery-payload). Never throws: whatever is unexpected becomes a
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
  return { ...decodeEnvelope(parsed, bodyText.length), json: parsed };
}

function decodeEnvelope(envelope: JsonRecord, bodyLength: number): DecodedDelivery {
  const problems = envelopeProblems(envelope);
  const rawEvents = asRecord(envelope.data)?.events;
  if (!Array.isArray(rawEvents)) {
    problems.push(problem('missing-events', 'The envelope has no data.events array.'));
  } else if (rawEvents.length === 0) {
    problems.push(problem('no-events', 'data.events is empty; Okta sends at least one event.'));
  }
  const notes: CutNotes = { cut: false };
  const events = Array.isArray(rawEvents) ? decodeEvents(rawEvents, bodyLength, notes) : [];
  problems.push(...eventProblems(events));
  if (Array.isArray(rawEvents) && rawEvents.length > events.length) {
    problems.push(notDecodedProblem(rawEvents.length - events.length, events.length));
  }
  const okta: OktaDecoded = { events, ...envelopeFields(envelope, notes) };
  if (notes.cut) problems.push(CUT_PROBLEM);
  return { okta, problems };
}

/** The envelope's own fields, each bounded like an event's. */
function envelopeFields(envelope: JsonRecord, notes: CutNotes): Omit<OktaDecoded, 'events'> {
  const fields: Omit<OktaDecoded, 'events'> = {};
  const field = (value: unknown, limit: number) => {
    const text = asText(value);
    return text === undefined ? undefined : bounded(text, limit, notes);
  };
  const source = asText(envelope.source);
  const hookId = field(source?.match(HOOK_ID_IN_SOURCE)?.[1], FIELD_LIMITS.short);
  const eventId = field(envelope.eventId, FIELD_LIMITS.short);
  const eventTime = field(envelope.eventTime, FIELD_LIMITS.short);
  if (eventId !== undefined) fields.eventId = eventId;
  if (eventTime !== undefined) fields.eventTime = eventTime;
  if (source !== undefined) fields.source = bounded(source, FIELD_LIMITS.long, notes);
  if (hookId !== undefined) fields.hookId = hookId;
  return fields;
}

/**
 * Events decoded per delivery at most. Okta documents no batch limit, but a summary costs
 * hundreds of bytes even for `{}`: without a cap, 293 KB of `{},` became 42 MiB of records.
 */
export const MAX_DECODED_EVENTS = 1000;

/**
 * What decoded events may cost together, in characters of their JSON: about twice the body they
 * came from. Real events shrink when summarised; only tiny, empty ones grow.
 */
export const decodedBudget = (bodyLength: number): number => 2 * bodyLength + 16 * 1024;

/** Decode events in order until MAX_DECODED_EVENTS or the budget is reached. */
function decodeEvents(raw: unknown[], bodyLength: number, notes: CutNotes): OktaEventSummary[] {
  const budget = decodedBudget(bodyLength);
  const events: OktaEventSummary[] = [];
  let spent = 0;
  for (const value of raw.slice(0, MAX_DECODED_EVENTS)) {
    const event = decodeEvent(value, notes);
    spent += JSON.stringify(event).length;
    if (spent > budget) break;
    events.push(event);
  }
  return events;
}

const notDecodedProblem = (more: number, decoded: number): Problem =>
  problem(
    'events-not-decoded',
    `${more.toLocaleString('en-US')} more events were not decoded: a record keeps at most ${decoded.toLocaleString('en-US')} of this delivery's events. The payload has them all.`,
  );

const CUT_PROBLEM = problem(
  'field-length',
  `Some event fields are longer than Okta's (over ${FIELD_LIMITS.long} characters, or more than ${MAX_TARGETS} targets); they were cut in the summary. The payload has them whole.`,
);

/** Versions may be strings or numbers (Okta's examples mix them: https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/#tag/SystemLog/operation/listLogEvents). */
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

function eventProblems(events: OktaEventSummary[]): Problem[] {
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
