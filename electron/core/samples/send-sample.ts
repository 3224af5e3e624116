import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { HeaderList } from '../../../shared/model/exchange';
import type { Settings } from '../../../shared/model/settings';
import { buildSampleDelivery } from '../../../shared/okta/sample-builder';
import type { Clock } from '../deps';
import type { LoopbackTags } from '../receiver/loopback-tags';
import { TAG_HEADER } from '../receiver/loopback-tags';
import { CommandError } from '../rpc/command-error';

/** A fixed, recognisable hook id, so samples never mix with a real hook's ordering. */
export const SAMPLE_HOOK_ID = 'who0sample0inspector';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomId = (length: number) =>
  Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');

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
 * checked, answered and recorded exactly as a real one. Resolves once it is stored.
 */
export async function sendSample(deps: SampleDeps, eventTypes: string[]): Promise<{ exchangeId: string }> {
  const hookUrl = deps.hookUrl();
  if (hookUrl === null)
    throw new CommandError(
      'unavailable',
      'The receiver is not running, so there is nowhere to send the sample.',
    );
  const body = Buffer.from(
    JSON.stringify(
      buildSampleDelivery(eventTypes, {
        now: deps.clock.now(),
        uuid: randomUUID,
        randomId,
        hookId: SAMPLE_HOOK_ID,
      }),
    ),
  );
  const url = new URL(hookUrl);
  const { token, stored } = deps.tags.issue({ origin: 'sample' });
  const headers = [...oktaHeaders(deps.settings(), deps.secret(), url, body.length), [TAG_HEADER, token]];
  const failed = new Promise<never>((_, reject) => {
    const req = request(url, { method: 'POST', headers: headers.flat() }, (response) => response.resume());
    req.on('error', (error) => {
      deps.tags.cancel(token);
      reject(new CommandError('unavailable', `The sample could not reach the receiver: ${error.message}`));
    });
    req.end(body);
  });
  return { exchangeId: await Promise.race([stored, failed]) };
}
