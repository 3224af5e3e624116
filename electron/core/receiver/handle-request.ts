import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange, Problem } from '../../../shared/model/exchange';
import type { Clock, Logger } from '../deps';
import type { SettingsStore } from '../settings/settings-store';
import type { ExchangeStore, NewExchange } from '../store/exchange-store';
import { checkAuth } from './auth-check';
import { toBodyData } from './body-data';
import { headerPairs, remoteAddressOf, splitTarget } from './capture';
import { classify } from './classify';
import { readDelivery, type ReadDelivery } from './content-decoding';
import { readBody, type ReceivedBody } from './read-body';
import { decideAnswer, storageFailureAnswer, tooLargeAnswer, type Answer } from './respond';

export interface PipelineDeps {
  settings: SettingsStore;
  store: ExchangeStore;
  clock: Clock;
  logger: Logger;
  /** Storage failed (`error` set) or recovered (`null`). */
  onStorageHealth(error: Error | null): void;
}

const ABORTED: Problem = {
  code: 'aborted',
  message: 'The client closed the connection before the body was complete; nothing was answered.',
};

/**
 * The receiver's pipeline: read, classify, check the secret, decide the answer, store, answer.
 * The exchange is written before the answer goes out, so a 2xx always means "stored".
 */
export function createRequestHandler(deps: PipelineDeps) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(deps, request, response).catch((error: unknown) => {
      deps.logger.error('request handling failed', { error: String(error) });
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  };
}

async function handle(deps: PipelineDeps, request: IncomingMessage, response: ServerResponse) {
  const startedAt = deps.clock.monotonic();
  const receivedAt = deps.clock.now();
  const settings = deps.settings.current();
  const body = await readBody(request, settings.bodyLimitBytes);
  const arrival = { receivedAt, bodyMs: deps.clock.monotonic() - startedAt };
  const { exchange, answer: planned } = await describe(deps, request, body, arrival);
  if (body.aborted) {
    await deps.store.append(exchange).catch((error: unknown) => deps.onStorageHealth(asError(error)));
    return;
  }
  let answer: Answer = planned;
  let stored: Exchange | undefined;
  try {
    stored = await deps.store.append(exchange);
    deps.onStorageHealth(null);
  } catch (error) {
    deps.onStorageHealth(asError(error));
    answer = storageFailureAnswer();
  }
  if (stored !== undefined) {
    const { id } = stored;
    const timing = { bodyMs: exchange.timing.bodyMs, storedMs: deps.clock.monotonic() - startedAt };
    response.once('close', () => {
      const durationMs = deps.clock.monotonic() - startedAt;
      deps.store
        .completeTiming(id, { ...timing, durationMs })
        .catch((error: unknown) => deps.logger.warn('timing not stored', { error: String(error) }));
    });
  }
  response.writeHead(answer.status, answer.headers.flat());
  response.end(answer.body);
}

/** Everything known before storing: the exchange as it will be written and the planned answer. */
async function describe(
  deps: PipelineDeps,
  request: IncomingMessage,
  body: ReceivedBody,
  arrival: { receivedAt: number; bodyMs: number },
): Promise<{ exchange: NewExchange; answer: Answer }> {
  const settings = deps.settings.current();
  const headers = headerPairs(request.rawHeaders);
  const method = request.method ?? 'GET';
  const { path, query } = splitTarget(request.url);
  const route = classify(method, path, headers, settings.hookPath);
  const auth = checkAuth(headers, settings.authHeader, deps.settings.secret());
  const requestBody = toBodyData(body.bytes, body.size, body.truncated);
  const decoded: ReadDelivery =
    route.kind === 'delivery' && !body.truncated && !body.aborted
      ? await readDelivery(body.bytes, headers, settings.bodyLimitBytes)
      : { okta: { events: [] }, problems: [] };
  const answer = body.truncated
    ? tooLargeAnswer(settings.bodyLimitBytes)
    : decideAnswer(route, auth, settings);
  const problems: Problem[] = [
    ...(route.kind === 'other' ? [route.problem] : []),
    ...(body.truncated ? [tooLargeProblem(body.size, settings.bodyLimitBytes)] : []),
    ...(body.aborted ? [{ ...ABORTED, message: body.endedBecause ?? ABORTED.message }] : []),
    ...decoded.problems,
  ];
  const exchange: NewExchange = {
    kind: route.kind,
    origin: 'live',
    receivedAt: arrival.receivedAt,
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
    timing: { bodyMs: arrival.bodyMs, durationMs: arrival.bodyMs },
    auth,
    okta: decoded.okta,
    problems,
  };
  return { exchange, answer };
}

const tooLargeProblem = (size: number, limit: number): Problem => ({
  code: 'too-large',
  message: `The body (${size} bytes) is over the ${limit}-byte limit; only the first ${limit} bytes were kept.`,
});

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
