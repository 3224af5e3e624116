import type { Problem } from '../../../shared/model/exchange';
import type { InlineHookKind } from '../../../shared/model/inline';
import type { Settings } from '../../../shared/model/settings';
import { verificationProblem } from '../../../shared/okta/verification-verdict';
import type { NewExchange } from '../store/exchange-store';
import { toBodyData } from './body-data';
import { readContent, type ReadContent } from './content-decoding';
import type { TagInfo } from './own-request-tags';
import type { ReceivedBody } from './read-body';
import { REFUSED_BODY_BYTES } from './receiver-limits';
import type { RequestHead } from './request-head';
import { decideAnswer, tooLargeAnswer, type Answer } from './respond';

/** An exchange before it has an id. */
export type DraftExchange = Omit<NewExchange, 'id'>;

const ABORTED: Problem = {
  code: 'aborted',
  message: 'The client closed the connection before the body was complete; nothing was answered.',
};

export interface Described {
  /** The exchange as it will be stored, before sightings (which depend on arrival order). */
  exchange: DraftExchange;
  answer: Answer;
  /** Its body is a delivery's to decode (its events are decoded as it is indexed). */
  decodeEvents: boolean;
  /** Set when the engine sent this request to itself (a sample or a replay). */
  tag?: { token: string; info: TagInfo };
  /** Inline hook calls: the hook whose path it arrived on. */
  inlineHook?: InlineHookKind;
}

interface Context {
  settings: Settings;
  arrival: { receivedAt: number; bodyMs: number };
}

const NOT_READ: ReadContent = { problems: [], decodable: false };

/** Everything known about a request before it is stored: what it is, and what to answer. */
export async function describeRequest(
  head: RequestHead,
  body: ReceivedBody,
  context: Context,
): Promise<Described> {
  const { settings } = context;
  const { route, auth } = head;
  // A request that failed the secret check costs what explains the rejection: nothing decoded.
  const content =
    route.kind === 'delivery' && head.trusted && !body.truncated && !body.aborted
      ? await readContent(body.bytes, head.headers, settings.bodyLimitBytes)
      : NOT_READ;
  const answer =
    head.trusted && body.truncated
      ? tooLargeAnswer(settings.bodyLimitBytes)
      : decideAnswer(route, auth, settings.response);
  const exchange = draftOf(head, body, { content, answer, context });
  if (route.kind === 'verification') {
    exchange.verificationProblem = verificationProblem({
      challenge: route.challenge,
      status: exchange.response.status,
      bodyText: exchange.response.body.text,
      auth: auth.result,
    });
  }
  if (head.tag?.info.replayOf !== undefined) exchange.replayOf = head.tag.info.replayOf;
  return {
    exchange,
    answer,
    decodeEvents: content.decodable,
    ...(head.tag ? { tag: head.tag } : {}),
    ...(route.kind === 'inline' ? { inlineHook: route.hook } : {}),
  };
}

function draftOf(
  head: RequestHead,
  body: ReceivedBody,
  { content, answer, context }: { content: ReadContent; answer: Answer; context: Context },
): DraftExchange {
  return {
    kind: head.route.kind,
    origin: head.tag?.info.origin ?? 'live',
    receivedAt: context.arrival.receivedAt,
    request: {
      method: head.method,
      path: head.path,
      query: head.query,
      httpVersion: head.httpVersion,
      headers: head.headers,
      body: toBodyData(body.bytes, body.size, body.truncated),
      ...(content.decodedBody ? { decodedBody: content.decodedBody } : {}),
      remoteAddress: head.remoteAddress,
    },
    response: body.aborted
      ? { status: 0, headers: [], body: toBodyData(Buffer.alloc(0)) }
      : { status: answer.status, headers: answer.headers, body: toBodyData(answer.body) },
    timing: { bodyMs: context.arrival.bodyMs, durationMs: context.arrival.bodyMs },
    auth: head.auth,
    okta: { events: [] },
    problems: [...problemsOf(head, body, context.settings.bodyLimitBytes), ...content.problems],
  };
}

/** What the receiver itself has to say about the request, before any decoding. */
function problemsOf(head: RequestHead, body: ReceivedBody, limit: number): Problem[] {
  return [
    ...(head.route.kind === 'other' ? [head.route.problem] : []),
    ...(head.trusted && body.truncated ? [tooLargeProblem(body.size, limit)] : []),
    ...(!head.trusted && body.size > 0 ? [refusedBodyProblem(body)] : []),
    ...(body.aborted ? [{ ...ABORTED, message: body.endedBecause ?? ABORTED.message }] : []),
  ];
}

const tooLargeProblem = (size: number, limit: number): Problem => ({
  code: 'too-large',
  message: `The body (${size} bytes) is over the ${limit}-byte limit; only the first ${limit} bytes were kept.`,
});

const refusedBodyProblem = (body: ReceivedBody): Problem => ({
  code: 'not-decoded',
  message: body.truncated
    ? `The request failed the secret check, so only the first ${REFUSED_BODY_BYTES} of its ${body.size} body bytes were kept, and none were decoded.`
    : 'The request failed the secret check, so its body was kept as received and not decoded.',
});
