import type {
  InlineAnsweredBy,
  InlineHookKind,
  InlineFinding,
  InlineRecord,
  InlineRequestType,
} from '../../../shared/model/inline';
import { inlineType, OKTA_INLINE_BUDGET_MS } from '../../../shared/okta/inline/catalog';
import { decodeInlineRequest, type DecodedInline } from '../../../shared/okta/inline/decode-request';
import { maskPasswordText } from '../../../shared/okta/inline/mask-password';
import { toBodyData } from '../receiver/body-data';
import type { Described } from '../receiver/describe-request';
import { forwardRequest } from '../receiver/forward-request';
import type { Answer } from '../receiver/respond';
import type { Breakpoints } from './breakpoints';
import { jsonAnswer, templateText, verdictFor } from './inline-answer';
import type { InlinePrefs } from './inline-prefs';

/**
 * A breakpoint lets go this long before Okta's budget ends, so the template's answer still
 * reaches Okta through the tunnel in time.
 */
export const DEADLINE_MARGIN_MS = 250;
/** A handler may answer late; Okta will have stopped waiting, but the record shows what it said. */
const HANDLER_TIMEOUT_MS = 10_000;
/** What a held call shows of its body; Okta's inline calls are a few KB. */
const HELD_TEXT_LIMIT = 256 * 1024;

export interface InlineDeps {
  prefs: InlinePrefs;
  breakpoints: Breakpoints;
  /** Monotonic ms, as the receiver measures durations. */
  monotonic: () => number;
  budgetMs?: number;
}

export interface InlineCall {
  /** The hook whose path the call arrived on. */
  hook: InlineHookKind;
  described: Described;
  body: Buffer;
  /** Monotonic ms at the call's arrival. */
  startedAt: number;
  /** Aborted when the caller hangs up. */
  gone: AbortSignal;
}

interface Chosen {
  answer: Answer;
  by: InlineAnsweredBy;
  described?: Described;
  heldMs?: number;
  notes?: InlineFinding[];
}

const refusedAnswer = (message: string): Answer => {
  const body = Buffer.from(`${message}\n`);
  const headers: Answer['headers'] = [
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Content-Length', String(body.length)],
  ];
  return { status: 400, headers, body, delayMs: 0 };
};

/** Answer an inline call the way the user chose for its type, and record what Okta will make of it. */
export async function answerInline(deps: InlineDeps, call: InlineCall): Promise<Described> {
  const { exchange } = call.described;
  const { hook } = call;
  const decoded = decodeInlineRequest(hook, exchange.request.body.text);
  const type = decoded.decoded.type;
  // Refused before any answer was chosen: the secret check failed, or the body was cut or never complete.
  const refused =
    exchange.auth.result === 'missing' ||
    exchange.auth.result === 'mismatch' ||
    exchange.request.body.truncated ||
    exchange.response.status === 0;
  const chosen: Chosen =
    refused || type === null
      ? {
          answer:
            type === null && !refused
              ? refusedAnswer(decoded.problems[0]?.message ?? '')
              : call.described.answer,
          by: 'refused',
        }
      : await chooseAnswer(deps, call, decoded, type);
  return record(deps, call, decoded, type ?? hook, chosen);
}

async function chooseAnswer(
  deps: InlineDeps,
  call: InlineCall,
  decoded: DecodedInline,
  type: InlineRequestType,
): Promise<Chosen> {
  const settings = deps.prefs.current().types[type];
  const draft = templateText(settings.template, type, decoded.body);
  if (settings.mode === 'forward' && settings.forwardUrl !== null) {
    const forward = {
      target: settings.forwardUrl,
      timeoutMs: HANDLER_TIMEOUT_MS,
      verification: 'auto' as const,
    };
    const described = await forwardRequest(call.described, call.body, forward, deps.monotonic);
    return { answer: described.answer, by: 'forward', described };
  }
  if (settings.mode === 'breakpoint') return holdCall(deps, call, decoded, type, draft);
  const notes: InlineFinding[] =
    settings.mode === 'forward'
      ? [
          {
            severity: 'warn',
            rule: 'forward.no-url',
            message: 'Forward is chosen but no handler URL is set: the template answered.',
          },
        ]
      : [];
  return { answer: jsonAnswer(draft), by: 'template', notes };
}

async function holdCall(
  deps: InlineDeps,
  call: InlineCall,
  decoded: DecodedInline,
  type: InlineRequestType,
  draft: string,
): Promise<Chosen> {
  const { receivedAt } = call.described.exchange;
  const budget = deps.budgetMs ?? OKTA_INLINE_BUDGET_MS;
  const heldAt = deps.monotonic();
  const release = await deps.breakpoints.hold(
    {
      type,
      decoded: decoded.decoded,
      // What the UI sees of the call: a password import's password stays in the engine.
      requestText: maskPasswordText(
        (call.described.exchange.request.body.text ?? '').slice(0, HELD_TEXT_LIMIT),
      ),
      draft,
      receivedAt,
      deadlineAt: receivedAt + budget - DEADLINE_MARGIN_MS,
    },
    call.gone,
  );
  const heldMs = deps.monotonic() - heldAt;
  if (release.by === 'user') return { answer: jsonAnswer(release.answer), by: 'breakpoint', heldMs };
  const note: InlineFinding =
    release.by === 'deadline'
      ? {
          severity: 'warn',
          rule: 'breakpoint.deadline',
          message:
            'Nobody answered before the breakpoint’s deadline; the template answered so Okta got an answer in time.',
        }
      : {
          severity: 'reject',
          rule: 'breakpoint.caller-gone',
          message: 'The caller hung up while the call was held: no answer reached it.',
        };
  return { answer: jsonAnswer(draft), by: 'breakpoint-expired', heldMs, notes: [note] };
}

function record(
  deps: InlineDeps,
  call: InlineCall,
  decoded: DecodedInline,
  type: InlineRequestType,
  chosen: Chosen,
): Described {
  const base = chosen.described ?? call.described;
  const elapsedMs = deps.monotonic() - call.startedAt;
  const notes = chosen.notes ?? [];
  const judged = verdictFor(type, decoded.body, chosen.answer, elapsedMs);
  const lost = notes.find((note) => note.severity === 'reject');
  const verdict = lost
    ? { outcome: 'failed' as const, summary: `${inlineType(type).onFailure}: ${lost.message}`, findings: [] }
    : judged;
  const inline: InlineRecord = {
    request: decoded.decoded,
    answeredBy: chosen.by,
    verdict: { ...verdict, findings: [...notes, ...judged.findings] },
    ...(chosen.heldMs === undefined ? {} : { heldMs: chosen.heldMs }),
  };
  const { answer } = chosen;
  const exchange = {
    ...base.exchange,
    response: { status: answer.status, headers: answer.headers, body: toBodyData(answer.body) },
    okta: { ...base.exchange.okta, ...oktaIds(decoded) },
    problems: [...base.exchange.problems, ...decoded.problems],
    inline,
  };
  return { ...base, exchange, answer };
}

const oktaIds = ({ decoded }: DecodedInline) => ({
  ...(decoded.eventId === undefined ? {} : { eventId: decoded.eventId }),
  ...(decoded.eventTime === undefined ? {} : { eventTime: decoded.eventTime }),
  ...(decoded.source === undefined ? {} : { source: decoded.source }),
});

/** A signal that fires when the response closes: the caller hung up, or the answer is done. */
export function closed(response: { once(event: 'close', listener: () => void): unknown }): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => controller.abort());
  return controller.signal;
}
