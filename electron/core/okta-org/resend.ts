import { randomUUID } from 'node:crypto';
import type { JsonRecord } from '../../../shared/okta/json-access';
import { rebuildDelivery } from '../../../shared/okta/rebuild-delivery';
import { sendOutbound } from '../http/outbound-request';
import { sendThroughReceiver } from '../receiver/send-through-receiver';
import { recordHandlerReplay } from '../replay/record-replay';
import type { ReplayDeps } from '../replay/replay-runner';
import { CommandError } from '../rpc/command-error';
import { deliveryHeaders } from '../samples/delivery-headers';

export interface ResendDeps extends ReplayDeps {
  /** The org's base URL, for the envelope's `source`. */
  domain: string;
}

/** One rebuilt delivery: the events one hook should have received. */
export interface ResendGroup {
  hookId: string;
  events: JsonRecord[];
}

export type ResendTarget = 'receiver' | 'forward';

/** Answers are waited for like a replay's (a slow answer policy is allowed). */
const TIMEOUT_MS = 90_000;
const ANSWER_LIMIT = 10 * 1024 * 1024;
const USER_AGENT = 'Okta Hook Inspector (rebuilt from the System Log)';

function destination(deps: ResendDeps, target: ResendTarget): URL {
  const base = target === 'receiver' ? deps.hookUrl() : deps.settings.current().forward.target;
  if (base === null) {
    throw new CommandError(
      target === 'receiver' ? 'unavailable' : 'invalid-input',
      target === 'receiver' ? 'The receiver is not running.' : 'No forward target is set in Settings.',
    );
  }
  return new URL(base);
}

async function sendOne(deps: ResendDeps, group: ResendGroup, target: ResendTarget): Promise<string> {
  const envelope = rebuildDelivery(group.events, {
    domain: deps.domain,
    hookId: group.hookId,
    eventId: randomUUID(),
    now: deps.clock.now(),
  });
  const body = Buffer.from(JSON.stringify(envelope));
  const url = destination(deps, target);
  const headers = deliveryHeaders(
    deps.settings.current(),
    deps.settings.secret(),
    url,
    body.length,
    USER_AGENT,
  );
  const request = { url, path: `${url.pathname}${url.search}`, method: 'POST', headers, body };
  const now = () => deps.clock.monotonic();
  if (target === 'receiver') {
    const sent = { ...request, timeoutMs: TIMEOUT_MS, bodyLimit: ANSWER_LIMIT };
    return (await sendThroughReceiver(deps.tags, { origin: 'rebuilt' }, sent, now)).exchangeId;
  }
  const result = await sendOutbound({ ...request, timeoutMs: TIMEOUT_MS, bodyLimit: ANSWER_LIMIT }, now);
  return recordHandlerReplay(
    deps,
    { origin: 'rebuilt' },
    { ...request, url: `${url.origin}${request.path}` },
    result,
  );
}

/**
 * Replay from Okta's record (https://developer.okta.com/docs/guides/event-hook-implementation/nodejs/main/#preview-and-test-the-event-hook): each group becomes a delivery rebuilt
 * like the Admin Console's Preview, sent through the receiver or straight to the forward
 * target, and stored as an exchange of origin `rebuilt`.
 */
export async function resendFromLog(
  deps: ResendDeps,
  groups: ResendGroup[],
  target: ResendTarget,
): Promise<string[]> {
  const exchangeIds: string[] = [];
  for (const group of groups) exchangeIds.push(await sendOne(deps, group, target));
  return exchangeIds;
}
