import type { IncomingMessage } from 'node:http';
import type { Problem } from '../../../shared/model/exchange';
import type { InlineHookKind } from '../../../shared/model/inline';
import type { Settings } from '../../../shared/model/settings';
import { verificationProblem } from '../../../shared/okta/verification-verdict';
import type { NewExchange } from '../store/exchange-store';
import type { ParsedBody } from '../store/search-text';

/** An exchange before it has an id. */
export type DraftExchange = Omit<NewExchange, 'id'>;
import { checkAuth } from './auth-check';
import { toBodyData } from './body-data';
import { headerPairs, remoteAddressOf, splitTarget } from './capture';
import { classify } from './classify';
import { inlineRoute } from './inline-route';
import { readDelivery, type ReadDelivery } from './content-decoding';
import type { LoopbackTags, TagInfo } from './loopback-tags';
import type { ReceivedBody } from './read-body';
import { decideAnswer, tooLargeAnswer, type Answer } from './respond';

const ABORTED: Problem = {
  code: 'aborted',
  message: 'The client closed the connection before the body was complete; nothing was answered.',
};

export interface Described {
  /** The exchange as it will be stored, before sightings (which depend on arrival order). */
  exchange: DraftExchange;
  answer: Answer;
  /** Set when the engine sent this request to itself (a sample or a replay). */
  tag?: { token: string; info: TagInfo };
  /** The body as parsed to decode its events, so that storing it does not parse it again. */
  parsed?: ParsedBody;
  /** Inline hook calls: the hook whose path it arrived on. */
  inlineHook?: InlineHookKind;
}

interface Context {
  settings: Settings;
  /** Where inline hooks are called (`<base>/<hook>`). */
  inlineBasePath: string;
  secret: string | null;
  tags: LoopbackTags;
  arrival: { receivedAt: number; bodyMs: number };
}

/** Everything known about a request before it is stored: what it is, and what to answer. */
export async function describeRequest(
  request: IncomingMessage,
  body: ReceivedBody,
  context: Context,
): Promise<Described> {
  const { settings } = context;
  const claimed = context.tags.claim(headerPairs(request.rawHeaders));
  const headers = claimed?.headers ?? headerPairs(request.rawHeaders);
  const method = request.method ?? 'GET';
  const { path, query } = splitTarget(request.url);
  const route =
    inlineRoute(method, path, { basePath: context.inlineBasePath, hookPath: settings.hookPath }) ??
    classify(method, path, headers, settings.hookPath);
  const auth = checkAuth(headers, settings, context.secret);
  const requestBody = toBodyData(body.bytes, body.size, body.truncated);
  const decoded: ReadDelivery =
    route.kind === 'delivery' && !body.truncated && !body.aborted
      ? await readDelivery(body.bytes, headers, settings.bodyLimitBytes)
      : { okta: { events: [] }, problems: [] };
  const answer = body.truncated
    ? tooLargeAnswer(settings.bodyLimitBytes)
    : decideAnswer(route, auth, settings.response);
  const exchange: DraftExchange = {
    kind: route.kind,
    origin: claimed?.info.origin ?? 'live',
    receivedAt: context.arrival.receivedAt,
    request: {
      method,
      path,
      query,
      httpVersion: request.httpVersion,
      headers,
      body: requestBody,
      ...(decoded.decodedBody ? { decodedBody: decoded.decodedBody } : {}),
      remoteAddress: remoteAddressOf(request),
    },
    response: body.aborted
      ? { status: 0, headers: [], body: toBodyData(Buffer.alloc(0)) }
      : { status: answer.status, headers: answer.headers, body: toBodyData(answer.body) },
    timing: { bodyMs: context.arrival.bodyMs, durationMs: context.arrival.bodyMs },
    auth,
    okta: decoded.okta,
    problems: [
      ...(route.kind === 'other' ? [route.problem] : []),
      ...(body.truncated ? [tooLargeProblem(body.size, settings.bodyLimitBytes)] : []),
      ...(body.aborted ? [{ ...ABORTED, message: body.endedBecause ?? ABORTED.message }] : []),
      ...decoded.problems,
    ],
  };
  if (route.kind === 'verification') {
    exchange.verificationProblem = verificationProblem({
      challenge: route.challenge,
      status: exchange.response.status,
      bodyText: exchange.response.body.text,
      auth: auth.result,
    });
  }
  if (claimed?.info.replayOf !== undefined) exchange.replayOf = claimed.info.replayOf;
  return {
    exchange,
    answer,
    ...(claimed ? { tag: { token: claimed.token, info: claimed.info } } : {}),
    ...(decoded.parsed ? { parsed: decoded.parsed } : {}),
    ...(route.kind === 'inline' ? { inlineHook: route.hook } : {}),
  };
}

const tooLargeProblem = (size: number, limit: number): Problem => ({
  code: 'too-large',
  message: `The body (${size} bytes) is over the ${limit}-byte limit; only the first ${limit} bytes were kept.`,
});
