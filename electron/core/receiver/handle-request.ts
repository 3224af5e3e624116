import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Exchange } from '../../../shared/model/exchange';
import type { SightingsTracker } from '../../../shared/okta/sightings';
import type { Clock, Logger } from '../deps';
import type { SettingsStore } from '../settings/settings-store';
import type { ExchangeStore, NewExchange } from '../store/exchange-store';
import type { ParsedBody } from '../store/search-text';
import { describeRequest, type DraftExchange } from './describe-request';
import { answerInline, closed, type InlineDeps } from '../inline/answer-inline';
import { forwardRequest, shouldForward } from './forward-request';
import type { LoopbackTags } from './loopback-tags';
import { readBody } from './read-body';
import { storageFailureAnswer, type Answer } from './respond';

export interface PipelineDeps {
  settings: SettingsStore;
  store: ExchangeStore;
  tracker: SightingsTracker;
  tags: LoopbackTags;
  newId: () => string;
  clock: Clock;
  logger: Logger;
  /** How inline hook calls are answered. */
  inline: InlineDeps;
  /** Storage failed (`error` set) or recovered (`null`). */
  onStorageHealth(error: Error | null): void;
}

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
  const local = await describeRequest(request, body, {
    settings,
    secret: deps.settings.secret(),
    inlineBasePath: deps.inline.prefs.current().basePath,
    tags: deps.tags,
    arrival: { receivedAt, bodyMs: deps.clock.monotonic() - startedAt },
  });
  const described =
    local.inlineHook !== undefined
      ? await answerInline(deps.inline, {
          hook: local.inlineHook,
          described: local,
          body: body.bytes,
          startedAt,
          gone: closed(response),
        })
      : !body.aborted && shouldForward(local, settings.forward, body.truncated)
        ? await forwardRequest(local, body.bytes, settings.forward, () => deps.clock.monotonic())
        : local;
  const stored = await store(deps, described.exchange, described.parsed);
  if (stored && described.tag) deps.tags.recorded(described.tag.token, stored.id);
  if (body.aborted) return;
  const answer: Answer = stored ? described.answer : storageFailureAnswer();
  if (stored) {
    const storedMs = deps.clock.monotonic() - startedAt;
    response.once('close', () => {
      const timing = {
        ...stored.timing,
        storedMs,
        durationMs: deps.clock.monotonic() - startedAt,
      };
      deps.store
        .completeTiming(stored.id, timing)
        .catch((error: unknown) => deps.logger.warn('timing not stored', { error: String(error) }));
    });
  }
  if (answer.delayMs > 0) await holdAnswer(response, answer.delayMs);
  if (response.destroyed) return;
  response.writeHead(answer.status, answer.headers.flat());
  response.end(answer.body);
}

/** Add what depends on arrival order (redeliveries, reordering), then write it. */
async function store(
  deps: PipelineDeps,
  draft: DraftExchange,
  parsed?: ParsedBody,
): Promise<Exchange | null> {
  // Replays and imports repeat deliveries on purpose; only what Okta (or a sample) sent counts.
  // Inline calls count too: Okta retries some types once, with the same eventId.
  const fromOkta = draft.kind === 'delivery' || draft.kind === 'inline';
  const countsForOkta = fromOkta && (draft.origin === 'live' || draft.origin === 'sample');
  const exchange: NewExchange = { ...draft, id: deps.newId() };
  if (countsForOkta) exchange.sightings = deps.tracker.judge(draft.okta);
  try {
    const stored = await deps.store.append(exchange, parsed);
    if (countsForOkta) deps.tracker.remember(stored.id, stored.okta);
    deps.onStorageHealth(null);
    return stored;
  } catch (error) {
    deps.onStorageHealth(error instanceof Error ? error : new Error(String(error)));
    return null;
  }
}

/** The response policy's delay; ends early if the client hangs up meanwhile. */
async function holdAnswer(response: ServerResponse, delayMs: number): Promise<void> {
  const controller = new AbortController();
  const onClose = () => controller.abort();
  response.once('close', onClose);
  await sleep(delayMs, undefined, { signal: controller.signal }).catch(() => undefined);
  response.off('close', onClose);
}
