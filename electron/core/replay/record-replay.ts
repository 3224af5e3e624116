import type { Exchange, ExchangeKind, ForwardRecord, HeaderList } from '../../../shared/model/exchange';
import { VERIFICATION_CHALLENGE_HEADER } from '../../../shared/okta/headers';
import { verificationProblem } from '../../../shared/okta/verification-verdict';
import type { OutboundAnswer, OutboundFailure } from '../http/outbound-request';
import { checkAuth } from '../receiver/auth-check';
import { toBodyData } from '../receiver/body-data';
import { firstHeader } from '../receiver/classify';
import { readDelivery, type ReadDelivery } from '../receiver/content-decoding';
import type { ReplayDeps } from './replay-runner';

interface SentRequest {
  /** The full URL the request went to. */
  url: string;
  path: string;
  method: string;
  headers: HeaderList;
  body: Buffer;
}

function kindOf(method: string, headers: HeaderList): ExchangeKind {
  if (method === 'POST') return 'delivery';
  if (method === 'GET' && firstHeader(headers, VERIFICATION_CHALLENGE_HEADER) !== undefined)
    return 'verification';
  return 'other';
}

/** What a request sent straight to a handler was: a replay of a captured exchange, or rebuilt. */
export type SentAs = { origin: 'replay'; replayOf: string } | { origin: 'rebuilt' };

/**
 * Store a request the engine sent straight to a handler: the request exactly as sent, the
 * handler's answer (or why there was none), and the exchange it replays, if any.
 */
export async function recordHandlerReplay(
  deps: ReplayDeps,
  sentAs: SentAs,
  sent: SentRequest,
  result: OutboundAnswer | OutboundFailure,
): Promise<string> {
  const [path = sent.path, query = ''] = sent.path.split(/\?(.*)/s);
  const kind = kindOf(sent.method, sent.headers);
  const body = toBodyData(sent.body);
  const decoded: ReadDelivery =
    kind === 'delivery'
      ? await readDelivery(sent.body, sent.headers, deps.settings.current().bodyLimitBytes)
      : { okta: { events: [] }, problems: [] };
  const response = result.ok
    ? {
        status: result.status,
        headers: result.headers,
        body: toBodyData(result.body, result.size, result.truncated),
      }
    : { status: 0, headers: [], body: toBodyData(Buffer.alloc(0)) };
  const forward: ForwardRecord = result.ok
    ? { url: sent.url, headers: sent.headers, response }
    : { url: sent.url, headers: sent.headers, error: { cause: result.cause, message: result.message } };
  const exchange: Omit<Exchange, 'seq'> = {
    id: deps.newId(),
    kind,
    ...sentAs,
    receivedAt: deps.clock.now(),
    request: {
      method: sent.method,
      path,
      query,
      httpVersion: '1.1',
      headers: sent.headers,
      body,
      remoteAddress: '',
    },
    response,
    timing: { bodyMs: 0, targetMs: result.ms, durationMs: result.ms },
    auth: checkAuth(sent.headers, deps.settings.current(), deps.settings.secret()),
    okta: decoded.okta,
    problems: decoded.problems,
    forward,
  };
  if (kind === 'verification') {
    exchange.verificationProblem = verificationProblem({
      challenge: firstHeader(sent.headers, VERIFICATION_CHALLENGE_HEADER) ?? '',
      status: response.status,
      bodyText: response.body.text,
      auth: 'ok',
    });
  }
  return (await deps.store.append(exchange)).id;
}
