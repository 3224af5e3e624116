import { randomUUID } from 'node:crypto';
import type { WithheldEvent } from '../../../shared/model/hook-filter';
import type { Settings } from '../../../shared/model/settings';
import { buildSampleDelivery } from '../../../shared/okta/sample-builder';
import type { Clock } from '../deps';
import type { OwnRequestTags } from '../receiver/own-request-tags';
import { sendThroughReceiver } from '../receiver/send-through-receiver';
import { CommandError } from '../rpc/command-error';
import { deliveryHeaders, randomOktaId } from './delivery-headers';

/** A fixed, recognisable hook id, so samples never mix with a real hook's ordering. */
export const SAMPLE_HOOK_ID = 'who0sample0inspector';

/** Samples are answered like any delivery; allow for a deliberately slow answer policy. */
const SAMPLE_TIMEOUT_MS = 90_000;

export interface SampleDeps {
  settings: () => Settings;
  secret: () => string | null;
  hookUrl: () => string | null;
  tags: OwnRequestTags;
  clock: Clock;
}

/** Which of a delivery's events go out; the others are held back with why. */
export type EventPick = (events: unknown[]) => { kept: unknown[]; withheld: WithheldEvent[] };

const everyEvent: EventPick = (events) => ({ kept: events, withheld: [] });

/**
 * Like Okta's Preview: build a delivery and send it through the real receiver, so it is
 * checked, answered and recorded exactly as a real one. Preview ignores event hook filters;
 * `pick` can apply one (only what it lets through is sent).
 */
export async function sendSample(
  deps: SampleDeps,
  eventTypes: string[],
  pick: EventPick = everyEvent,
): Promise<{ exchangeId: string; withheld: WithheldEvent[] }> {
  const hookUrl = deps.hookUrl();
  if (hookUrl === null)
    throw new CommandError(
      'unavailable',
      'The receiver is not running, so there is nowhere to send the sample.',
    );
  const delivery = buildSampleDelivery(eventTypes, {
    now: deps.clock.now(),
    uuid: randomUUID,
    randomId: randomOktaId,
    hookId: SAMPLE_HOOK_ID,
  });
  const { kept, withheld } = pick(delivery.data.events);
  if (kept.length === 0) {
    const why = withheld.map((event) => `${event.eventType}: ${event.because}`).join('; ');
    throw new CommandError(
      'invalid-input',
      `The filter lets none of these events through, so nothing was sent (${why}).`,
    );
  }
  const body = Buffer.from(JSON.stringify({ ...delivery, data: { events: kept } }));
  const url = new URL(hookUrl);
  const { exchangeId } = await sendThroughReceiver(
    deps.tags,
    { origin: 'sample' },
    {
      url,
      path: url.pathname,
      method: 'POST',
      headers: deliveryHeaders(
        deps.settings(),
        deps.secret(),
        url,
        body.length,
        'Okta Hook Inspector sample',
      ),
      body,
      timeoutMs: SAMPLE_TIMEOUT_MS,
      bodyLimit: 1024 * 1024,
    },
    () => deps.clock.monotonic(),
  );
  return { exchangeId, withheld };
}
