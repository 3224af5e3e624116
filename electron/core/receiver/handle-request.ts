import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange } from '../../../shared/model/exchange';
import { systemScheduler, type Clock, type Logger } from '../deps';
import type { SettingsStore } from '../settings/settings-store';
import type { ExchangeStore, NewExchange } from '../store/exchange-store';
import type { BodyBudget } from './admission';
import { describeRequest, type Described } from './describe-request';
import { answerInline, closed, type InlineDeps } from '../inline/answer-inline';
import { forwardRequest, shouldForward } from './forward-request';
import type { OwnRequestTags } from './own-request-tags';
import { readBody } from './read-body';
import { REFUSED_BODY_BYTES } from './receiver-limits';
import { readHead } from './request-head';
import { busyAnswer, storageFailureAnswer, type Answer } from './respond';

export interface PipelineDeps {
  settings: SettingsStore;
  store: ExchangeStore;
  tags: OwnRequestTags;
  /** Memory for request bodies, reserved as bytes arrive. */
  budget: BodyBudget;
  newId: () => string;
  clock: Clock;
  logger: Logger;
  /** How inline hook calls are answered. */
  inline: InlineDeps;
  /** Storage failed (`error` set) or recovered (`null`). */
  onStorageHealth(error: Error | null): void;
}

/**
 * The receiver's pipeline: check the secret from the head, read the body within its budget,
 * classify, decide the answer, store, answer. The exchange is written before the answer goes
 * out, so a 2xx always means "stored".
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
  const head = readHead(request, {
    settings,
    secret: deps.settings.secret(),
    inlineBasePath: deps.inline.prefs.current().basePath,
    tags: deps.tags,
  });
  const reservation = deps.budget.open(head.trusted);
  // Held until the answer has gone out: the body is in memory until it is stored.
  response.once('close', () => reservation.release());
  const limit = head.trusted
    ? { limit: settings.bodyLimitBytes, keepPrefix: false }
    : { limit: REFUSED_BODY_BYTES, keepPrefix: true };
  const body = await readBody(request, limit, reservation);
  if (body.refused) {
    deps.logger.warn('request refused: too many bodies in flight', { trusted: head.trusted });
    return send(response, busyAnswer());
  }
  const arrival = { receivedAt, bodyMs: deps.clock.monotonic() - startedAt };
  const local = await describeRequest(head, body, { settings, arrival });
  const described =
    local.inlineHook !== undefined
      ? await answerInline(deps.inline, {
          hook: local.inlineHook,
          described: local,
          body: body.bytes,
          startedAt,
          gone: closed(response),
        })
      : !body.aborted && head.trusted && shouldForward(local, settings.forward, body.truncated)
        ? await forwardRequest(local, body.bytes, settings.forward, () => deps.clock.monotonic())
        : local;
  const stored = await store(deps, described);
  if (stored && described.tag) deps.tags.recorded(described.tag.token, stored.id);
  if (body.aborted) return;
  if (stored) completeTimingOnClose(deps, response, stored, startedAt);
  const answer: Answer = stored ? described.answer : storageFailureAnswer();
  if (answer.delayMs > 0) await holdAnswer(response, answer.delayMs);
  send(response, answer);
}

function send(response: ServerResponse, answer: Answer): void {
  if (response.destroyed) return;
  response.writeHead(answer.status, answer.headers.flat());
  response.end(answer.body);
}

/** The final duration is known once the answer has gone out; it follows the stored exchange. */
function completeTimingOnClose(
  deps: PipelineDeps,
  response: ServerResponse,
  stored: Exchange,
  startedAt: number,
): void {
  const storedMs = deps.clock.monotonic() - startedAt;
  response.once('close', () => {
    const timing = { ...stored.timing, storedMs, durationMs: deps.clock.monotonic() - startedAt };
    deps.store
      .completeTiming(stored.id, timing)
      .catch((error: unknown) => deps.logger.warn('timing not stored', { error: String(error) }));
  });
}

/** Write it (the store adds what depends on arrival order: redeliveries, reordering). */
async function store(
  deps: PipelineDeps,
  { exchange: draft, decodeEvents }: Described,
): Promise<Exchange | null> {
  const exchange: NewExchange = { ...draft, id: deps.newId() };
  try {
    const stored = await deps.store.append(exchange, { decodeEvents });
    deps.onStorageHealth(null);
    return stored;
  } catch (error) {
    deps.onStorageHealth(error instanceof Error ? error : new Error(String(error)));
    return null;
  }
}

/** The response policy's delay; ends early if the client hangs up meanwhile. */
function holdAnswer(response: ServerResponse, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cancel();
      response.off('close', done);
      resolve();
    };
    const cancel = systemScheduler.after(delayMs, done);
    response.once('close', done);
  });
}
