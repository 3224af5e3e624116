import type { Exchange } from '../../../shared/model/exchange';
import { OKTA_TIMEOUT_MS } from '../../../shared/okta/headers';
import type { Clock } from '../deps';
import { retarget, targetLocation } from '../http/hop-by-hop';
import { sendOutbound, type OutboundAnswer, type OutboundFailure } from '../http/outbound-request';
import type { OwnRequestTags } from '../receiver/own-request-tags';
import { sendThroughReceiver } from '../receiver/send-through-receiver';
import { CommandError } from '../rpc/command-error';
import type { SettingsStore } from '../settings/settings-store';
import type { ExchangeStore } from '../store/exchange-store';
import { orderForReplay, planReplay, type PlannedRequest, type ReplayEdits } from './replay-plan';
import { recordHandlerReplay } from './record-replay';

export interface ReplayDeps {
  store: ExchangeStore;
  settings: SettingsStore;
  tags: OwnRequestTags;
  hookUrl(): string | null;
  clock: Clock;
  newId(): string;
}

export interface ReplayInput {
  ids: string[];
  order: 'received' | 'published';
  /** `forward` (the forward target), `receiver` (through the inspector again), or a URL. */
  target?: string | undefined;
  edits?: ReplayEdits | undefined;
  repeat: number;
  /** Like Okta: give up after 3 s, retry once after a 5xx or no answer, never after a 4xx. */
  asOkta: boolean;
}

type Destination = { through: 'receiver' | 'handler'; base: string };

const ANSWER_LIMIT = 10 * 1024 * 1024;

function destination(target: string | undefined, deps: ReplayDeps): Destination {
  const forward = deps.settings.current().forward.target;
  const choice = target ?? (forward === null ? 'receiver' : 'forward');
  if (choice === 'receiver') {
    const hookUrl = deps.hookUrl();
    if (hookUrl === null) throw new CommandError('unavailable', 'The receiver is not running.');
    return { through: 'receiver', base: hookUrl };
  }
  if (choice === 'forward') {
    if (forward === null)
      throw new CommandError('invalid-input', 'No forward target is set: choose a URL, or the receiver.');
    return { through: 'handler', base: forward };
  }
  return { through: 'handler', base: choice };
}

interface Attempt {
  id: string;
  /** Okta would try again after this answer (5xx, no answer, or too slow). */
  retryable: boolean;
}

const oktaWouldRetry = (result: OutboundAnswer | OutboundFailure) =>
  !result.ok || result.status >= 500 || result.ms > OKTA_TIMEOUT_MS;

async function sendOnce(
  deps: ReplayDeps,
  original: Exchange,
  planned: PlannedRequest,
  to: Destination,
  asOkta: boolean,
): Promise<Attempt> {
  const { url, path } = targetLocation(to.base, planned.query);
  const headers = retarget(planned.headers, url, planned.body.length);
  const request = {
    url,
    path: planned.path ?? path,
    method: planned.method,
    body: planned.body,
    bodyLimit: ANSWER_LIMIT,
  };
  const timeoutMs = asOkta ? OKTA_TIMEOUT_MS : deps.settings.current().forward.timeoutMs;
  const now = () => deps.clock.monotonic();
  if (to.through === 'handler') {
    const result = await sendOutbound({ ...request, headers, timeoutMs }, now);
    const id = await recordHandlerReplay(
      deps,
      { origin: 'replay', replayOf: original.id },
      { ...request, headers, url: `${url.origin}${request.path}` },
      result,
    );
    return { id, retryable: oktaWouldRetry(result) };
  }
  const info = { origin: 'replay' as const, replayOf: original.id };
  const { exchangeId, answer } = await sendThroughReceiver(
    deps.tags,
    info,
    { ...request, headers, timeoutMs },
    now,
  );
  return { id: exchangeId, retryable: oktaWouldRetry(answer) };
}

/** A replay under way: what the user can follow and cancel (a Job when it sends more than one). */
export interface ReplayProgress {
  readonly signal: AbortSignal;
  progress(done: number): void;
}

/** A replay checked and ready to send: the destination is known and every exchange exists. */
export interface PlannedReplay {
  /** Requests it sends, Okta's retries aside. */
  total: number;
  /** "Replay 3 exchanges × 10 to the receiver", for the job. */
  title: string;
  run(progress?: ReplayProgress): Promise<{ exchangeIds: string[]; cancelled: boolean }>;
}

/**
 * Check a replay before anything is sent (an unknown exchange or a missing target fails the
 * command itself, not a job); `run` then resends the stored requests, as captured or edited,
 * each attempt a new linked exchange, stopping between requests once cancelled.
 */
export async function planReplayRun(deps: ReplayDeps, input: ReplayInput): Promise<PlannedReplay> {
  const to = destination(input.target, deps);
  const originals: Exchange[] = [];
  for (const id of input.ids) {
    const exchange = await deps.store.get(id);
    if (!exchange) throw new CommandError('not-found', `No exchange with id ${id}.`);
    originals.push(exchange);
  }
  const total = originals.length * input.repeat;
  const count = `${originals.length.toLocaleString('en-US')} exchange${originals.length === 1 ? '' : 's'}`;
  const times = input.repeat === 1 ? '' : ` × ${input.repeat}`;
  return {
    total,
    title: `Replay ${count}${times} to ${to.through === 'receiver' ? 'the receiver' : to.base}`,
    run: async (progress) => {
      const exchangeIds: string[] = [];
      let done = 0;
      for (const original of orderForReplay(originals, input.order)) {
        const planned = planReplay(original, input.edits);
        for (let round = 0; round < input.repeat; round += 1) {
          if (progress?.signal.aborted) return { exchangeIds, cancelled: true };
          const first = await sendOnce(deps, original, planned, to, input.asOkta);
          exchangeIds.push(first.id);
          if (input.asOkta && first.retryable)
            exchangeIds.push((await sendOnce(deps, original, planned, to, true)).id);
          done += 1;
          progress?.progress(done);
        }
      }
      return { exchangeIds, cancelled: false };
    },
  };
}
