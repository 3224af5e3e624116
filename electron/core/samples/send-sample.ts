import { randomBytes, randomUUID } from 'node:crypto';
import type { HeaderList } from '../../../shared/model/exchange';
import type { Settings } from '../../../shared/model/settings';
import { buildSampleDelivery } from '../../../shared/okta/sample-builder';
import type { Clock } from '../deps';
import type { LoopbackTags } from '../receiver/loopback-tags';
import { sendThroughReceiver } from '../receiver/send-through-receiver';
import { CommandError } from '../rpc/command-error';

/** A fixed, recognisable hook id, so samples never mix with a real hook's ordering. */
export const SAMPLE_HOOK_ID = 'who0sample0inspector';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomId = (length: number) =>
  Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');

/** Samples are answered like any delivery; allow for a deliberately slow answer policy. */
const SAMPLE_TIMEOUT_MS = 90_000;

export interface SampleDeps {
  settings: () => Settings;
  secret: () => string | null;
  hookUrl: () => string | null;
  tags: LoopbackTags;
  clock: Clock;
}

/** The headers Okta sends with a delivery (reference §2.1), with this hook's secret and custom headers. */
function oktaHeaders(settings: Settings, secret: string | null, url: URL, length: number): HeaderList {
  return [
    ['Host', url.host],
    ['Accept', 'application/json'],
    ['Content-Type', 'application/json'],
    ...(secret ? ([[settings.authHeader, secret]] as HeaderList) : []),
    ...settings.requiredHeaders.map(({ name, value }): [string, string] => [name, value]),
    ['User-Agent', 'Okta Hook Inspector sample'],
    ['X-Okta-Request-Id', randomId(27)],
    ['Content-Length', String(length)],
  ];
}

/**
 * Like Okta's Preview: build a delivery and send it through the real receiver, so it is
 * checked, answered and recorded exactly as a real one.
 */
export async function sendSample(deps: SampleDeps, eventTypes: string[]): Promise<{ exchangeId: string }> {
  const hookUrl = deps.hookUrl();
  if (hookUrl === null)
    throw new CommandError(
      'unavailable',
      'The receiver is not running, so there is nowhere to send the sample.',
    );
  const delivery = buildSampleDelivery(eventTypes, {
    now: deps.clock.now(),
    uuid: randomUUID,
    randomId,
    hookId: SAMPLE_HOOK_ID,
  });
  const body = Buffer.from(JSON.stringify(delivery));
  const url = new URL(hookUrl);
  const { exchangeId } = await sendThroughReceiver(
    deps.tags,
    { origin: 'sample' },
    {
      url,
      path: url.pathname,
      method: 'POST',
      headers: oktaHeaders(deps.settings(), deps.secret(), url, body.length),
      body,
      timeoutMs: SAMPLE_TIMEOUT_MS,
      bodyLimit: 1024 * 1024,
    },
    () => deps.clock.monotonic(),
  );
  return { exchangeId };
}
