import type { InlineRequestType } from '../../../shared/model/inline';
import type { Settings } from '../../../shared/model/settings';
import { inlineType } from '../../../shared/okta/inline/catalog';
import type { JsonRecord } from '../../../shared/okta/json-access';
import type { Clock } from '../deps';
import type { OwnRequestTags } from '../receiver/own-request-tags';
import { sendThroughReceiver } from '../receiver/send-through-receiver';
import { CommandError } from '../rpc/command-error';
import { hookCallHeaders } from './delivery-headers';

/** Longer than any breakpoint deadline, so a held sample is answered, not cut off. */
const SAMPLE_TIMEOUT_MS = 30_000;

export interface InlineSampleDeps {
  settings: () => Settings;
  secret: () => string | null;
  /** `http://127.0.0.1:<port>` of the running receiver, or null. */
  localUrl: () => string | null;
  basePath: () => string;
  sample: (type: InlineRequestType) => JsonRecord;
  tags: OwnRequestTags;
  clock: Clock;
}

/**
 * Like Okta calling an inline hook: a realistic call of `type` through the real receiver, on
 * the hook's own path, answered and recorded exactly as a real one.
 */
export async function sendInlineSample(
  deps: InlineSampleDeps,
  type: InlineRequestType,
): Promise<{ exchangeId: string }> {
  const local = deps.localUrl();
  if (local === null)
    throw new CommandError(
      'unavailable',
      'The receiver is not running, so there is nowhere to send the sample.',
    );
  const url = new URL(`${deps.basePath().replace(/\/+$/, '')}/${inlineType(type).hook}`, local);
  const body = Buffer.from(JSON.stringify(deps.sample(type)));
  const { exchangeId } = await sendThroughReceiver(
    deps.tags,
    { origin: 'sample' },
    {
      url,
      path: url.pathname,
      method: 'POST',
      headers: hookCallHeaders(deps.settings(), deps.secret(), url, body.length),
      body,
      timeoutMs: SAMPLE_TIMEOUT_MS,
      bodyLimit: 1024 * 1024,
    },
    () => deps.clock.monotonic(),
  );
  return { exchangeId };
}
