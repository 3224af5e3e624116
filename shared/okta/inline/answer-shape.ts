import type { InlineFinding, InlineRequestType } from '../../model/inline';
import { isRecord, type JsonRecord } from '../json-access';
import {
  INLINE_CONCEPTS_URL,
  inlineType,
  OKTA_INLINE_BUDGET_MS,
  OKTA_INLINE_FAST_MS,
  OKTA_INLINE_MAX_ANSWER_BYTES,
} from './catalog';

/** An answer as it is (or would be) sent to Okta. */
export interface AnswerInput {
  type: InlineRequestType;
  /** The request body as parsed, for rules that depend on it (e.g. which tokens exist). */
  request: JsonRecord | null;
  status: number;
  contentType: string | undefined;
  body: string;
  /** Size in bytes of the body as sent. */
  size: number;
  /** From the call's arrival to the answer; absent before it is sent. */
  elapsedMs?: number;
}

export interface AnswerCommand {
  index: number;
  type: string;
  value: unknown;
}

export interface ParsedAnswer {
  commands: AnswerCommand[];
  error: JsonRecord | null;
}

/** Findings quote what the answer said (paths, command types): never more than this of it. */
const MESSAGE_LIMIT = 1000;
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit)}…` : text);

export const reject = (rule: string, message: string, where?: string): InlineFinding => ({
  severity: 'reject',
  rule,
  message: clip(message, MESSAGE_LIMIT),
  ...(where === undefined ? {} : { where: clip(where, 200) }),
});

export const warn = (rule: string, message: string, where?: string): InlineFinding => ({
  ...reject(rule, message, where),
  severity: 'warn',
});

function statusFindings(input: AnswerInput): InlineFinding[] {
  const { status } = input;
  if (status === 204) {
    if (!inlineType(input.type).allows204)
      return [
        reject('status', 'Okta needs 200 with commands from this hook; 204 is not an answer it accepts.'),
      ];
    return input.size > 0
      ? [warn('status', 'A 204 answer carries no body; Okta ignores what was sent.')]
      : [];
  }
  if (status >= 300 && status < 400)
    return [reject('status', `Okta does not follow redirects (HTTP ${status}).`)];
  if (status < 200 || status >= 300)
    return [reject('status', `HTTP ${status}: Okta treats any status outside 2xx as a failed call.`)];
  return status === 200 ? [] : [warn('status', `Okta expects 200 (or 204); HTTP ${status} is unusual.`)];
}

function timingFindings(elapsedMs: number | undefined): InlineFinding[] {
  if (elapsedMs === undefined) return [];
  const seconds = (elapsedMs / 1000).toFixed(2);
  if (elapsedMs >= OKTA_INLINE_BUDGET_MS)
    return [reject('timing', `Answered after ${seconds} s: Okta stops waiting at 3 s.`)];
  if (elapsedMs > OKTA_INLINE_FAST_MS)
    return [warn('timing', `Answered after ${seconds} s: Okta's rate limits assume answers within 0.5 s.`)];
  return [];
}

const LOCATION_TYPES: unknown[] = ['body', 'header', 'url', 'query'];

function errorFindings(error: unknown): InlineFinding[] {
  if (error === null || error === undefined) return [];
  if (!isRecord(error)) return [reject('error-shape', '`error` must be an object.', 'error')];
  const findings: InlineFinding[] = [];
  if (typeof error.errorSummary !== 'string')
    findings.push(
      warn(
        'error-shape',
        '`error.errorSummary` is missing: users see "The callback service returned an error".',
        'error',
      ),
    );
  const causes = error.errorCauses;
  if (causes !== undefined && !Array.isArray(causes))
    findings.push(reject('error-shape', '`error.errorCauses` must be an array.', 'error.errorCauses'));
  if (Array.isArray(causes))
    causes.forEach((cause, index) => {
      const where = `error.errorCauses[${index}]`;
      if (!isRecord(cause) || typeof cause.errorSummary !== 'string')
        findings.push(
          warn('error-shape', 'Each error cause needs an errorSummary (the text Okta shows).', where),
        );
      else if (cause.locationType !== undefined && !LOCATION_TYPES.includes(cause.locationType))
        findings.push(warn('error-shape', 'locationType is one of body, header, url or query.', where));
    });
  return findings;
}

function readCommands(value: unknown, findings: InlineFinding[]): AnswerCommand[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    findings.push(reject('commands', '`commands` must be an array.', 'commands'));
    return [];
  }
  return value.flatMap((item, index): AnswerCommand[] => {
    const where = `commands[${index}]`;
    if (!isRecord(item) || typeof item.type !== 'string') {
      findings.push(reject('commands', 'Each command needs a string `type`.', where));
      return [];
    }
    if (!Object.hasOwn(item, 'value')) {
      findings.push(reject('commands', `${item.type} needs a \`value\`.`, where));
      return [];
    }
    return [{ index, type: item.type, value: item.value }];
  });
}

function bodyFindings(input: AnswerInput, findings: InlineFinding[]): ParsedAnswer | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.body);
  } catch {
    findings.push(reject('json', 'The body is not JSON: Okta cannot read the answer.'));
    return null;
  }
  if (!isRecord(parsed)) {
    findings.push(reject('json', 'The body must be a JSON object with commands, error or debugContext.'));
    return null;
  }
  const unknown = Object.keys(parsed).filter((key) => !['commands', 'error', 'debugContext'].includes(key));
  if (unknown.length > 0)
    findings.push(
      warn(
        'top-level',
        `Okta reads only commands, error and debugContext; it ignores ${unknown.join(', ')}.`,
      ),
    );
  if (parsed.debugContext !== undefined && parsed.debugContext !== null && !isRecord(parsed.debugContext))
    findings.push(
      warn('debug-context', '`debugContext` should be an object; Okta logs it in the System Log.'),
    );
  findings.push(...errorFindings(parsed.error));
  const commands = readCommands(parsed.commands, findings);
  return { commands, error: isRecord(parsed.error) ? parsed.error : null };
}

/**
 * What every inline answer must be, whatever its type: status, size, content type, JSON shape,
 * the `error` object and timing (https://developer.okta.com/docs/concepts/inline-hooks/).
 * Returns the commands for the type's own rules, or null when there are none to read.
 */
export function checkAnswerShape(input: AnswerInput): {
  findings: InlineFinding[];
  answer: ParsedAnswer | null;
} {
  const findings = [...statusFindings(input), ...timingFindings(input.elapsedMs)];
  if (input.size >= OKTA_INLINE_MAX_ANSWER_BYTES)
    findings.push(reject('size', `The answer is ${input.size} bytes; Okta takes answers under 256 KB.`));
  if (input.status === 204 || findings.some((f) => f.severity === 'reject'))
    return { findings, answer: null };
  if (!/^application\/json\b/i.test(input.contentType ?? ''))
    findings.push(warn('content-type', `Send Content-Type: application/json (see ${INLINE_CONCEPTS_URL}).`));
  const answer = bodyFindings(input, findings);
  return { findings, answer };
}
