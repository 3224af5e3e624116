import type { Problem } from '../../model/exchange';
import type { InlineDecoded, InlineFact, InlineHookKind, InlineRequestType } from '../../model/inline';
import { asRecord, asText, isRecord, type JsonRecord } from '../json-access';
import { inlineType } from './catalog';
import { jsonDepth, MAX_JSON_DEPTH } from './json-depth';
import { requestFacts } from './request-facts';

/** Facts are for reading at a glance; a long value is cut here, the body keeps it whole. */
const FACT_LIMIT = 200;

export interface DecodedInline {
  decoded: InlineDecoded;
  /** The body as parsed, when it was a JSON object (rules and templates read it). */
  body: JsonRecord | null;
  problems: Problem[];
}

const problem = (code: string, message: string): Problem => ({ code, message });

function parseObject(text: string): JsonRecord | null {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** Which request type the envelope is, given the hook path it arrived on (null: not that hook's). */
function typeOf(hook: InlineHookKind, body: JsonRecord): InlineRequestType | null {
  if (asText(body.eventType) !== inlineType(hook).eventType) return null;
  // Classic Engine registration calls carry no requestType: they are self-service registrations.
  if (hook === 'registration' && body.requestType === 'progressive.profile') return 'progressive-profile';
  return hook;
}

function envelopeProblems(type: InlineRequestType, body: JsonRecord): Problem[] {
  const problems: Problem[] = [];
  const info = inlineType(type);
  const requestType = asText(body.requestType);
  if (requestType !== undefined && info.requestTypes.length > 0 && !info.requestTypes.includes(requestType))
    problems.push(
      problem(
        'inline-request-type',
        `Okta does not send requestType ${requestType} to a ${info.label} hook.`,
      ),
    );
  // Inline calls name it in the singular; event hooks use cloudEventsVersion. Both are tolerated.
  if (body.cloudEventVersion === undefined && body.cloudEventsVersion === undefined)
    problems.push(
      problem('inline-envelope', 'The envelope has no cloudEventVersion: Okta always sends one.'),
    );
  if (!isRecord(body.data)) problems.push(problem('inline-envelope', 'The envelope has no data object.'));
  else if (!isRecord(body.data.context))
    problems.push(
      problem('inline-envelope', 'data.context is missing: Okta always sends the request context.'),
    );
  return problems;
}

const clip = (fact: InlineFact): InlineFact =>
  fact.value.length > FACT_LIMIT ? { ...fact, value: `${fact.value.slice(0, FACT_LIMIT)}…` } : fact;

/**
 * Decode an inline hook call from the path it arrived on and its body (already bounded by the
 * receiver's body limit). Never throws: what does not fit Okta's envelope becomes a problem.
 * https://developer.okta.com/docs/concepts/inline-hooks/#inline-hook-request
 */
export function decodeInlineRequest(hook: InlineHookKind, text: string | undefined): DecodedInline {
  const body = text === undefined ? null : parseObject(text);
  const base: InlineDecoded = { hook, type: null, facts: [] };
  if (body === null)
    return {
      decoded: base,
      body: null,
      problems: [
        problem(
          'inline-not-json',
          `The body is not a JSON object (nested at most ${MAX_JSON_DEPTH} levels): Okta sends every inline call as JSON.`,
        ),
      ],
    };
  const type = typeOf(hook, body);
  const decoded: InlineDecoded = { ...base, type };
  for (const key of ['eventType', 'requestType', 'eventId', 'eventTime', 'source'] as const) {
    const value = asText(body[key]);
    if (value !== undefined) decoded[key] = value.slice(0, FACT_LIMIT);
  }
  if (type === null) {
    const sent = decoded.eventType ?? 'no eventType';
    const message = `This path receives ${inlineType(hook).label} calls (${inlineType(hook).eventType}), not ${sent}.`;
    return { decoded, body, problems: [problem('inline-wrong-type', message)] };
  }
  decoded.facts = requestFacts(type, asRecord(body.data) ?? {}).map(clip);
  return { decoded, body, problems: envelopeProblems(type, body) };
}
