import { randomBytes } from 'node:crypto';
import type { HeaderList } from '../../../../shared/model/exchange';
import { sendOutbound, type OutboundAnswer, type OutboundFailure } from '../../http/outbound-request';
import { oktaId } from './emulator-errors';
import type { StoredHook } from './emulator-hooks';

/** Okta's budget for any answer from the hook's endpoint (reference §1, §4.1). */
const OKTA_TIMEOUT_MS = 3000;

export type CallResult = OutboundAnswer | OutboundFailure;

function hookHeaders(hook: StoredHook, url: URL, extra: HeaderList): HeaderList {
  return [
    ['Host', url.host],
    ...extra,
    ...hook.headers.map(({ key, value }): [string, string] => [key, value]),
    ...(hook.auth ? ([[hook.auth.key, hook.auth.value]] as HeaderList) : []),
    ['X-Okta-Request-Id', oktaId('', 27)],
  ];
}

function call(
  hook: StoredHook,
  method: 'GET' | 'POST',
  extra: HeaderList,
  body: Buffer,
): Promise<CallResult> {
  const url = new URL(hook.uri);
  const headers = hookHeaders(hook, url, extra);
  if (method === 'POST') headers.push(['Content-Length', String(body.length)]);
  return sendOutbound(
    {
      url,
      path: `${url.pathname}${url.search}`,
      method,
      headers,
      body,
      timeoutMs: OKTA_TIMEOUT_MS,
      bodyLimit: 64 * 1024,
    },
    () => performance.now(),
  );
}

/** Why an answer does not count, in the words the emulator logs; null when it counts. */
function challengeFailure(result: CallResult, challenge: string): string | null {
  if (!result.ok)
    return result.cause === 'timeout' ? 'Read timed out' : `Connection failed (${result.cause})`;
  if (result.status < 200 || result.status >= 300) return `Received HTTP ${result.status}`;
  try {
    const parsed = JSON.parse(result.body.toString('utf8')) as { verification?: unknown };
    return parsed.verification === challenge ? null : 'The verification value did not match';
  } catch {
    return 'The answer was not JSON';
  }
}

/**
 * Okta's one-time verification (reference §1): a GET with a fresh challenge and the hook's
 * auth and custom headers, 3 s to answer, one retry after a timeout or an error answer.
 */
export async function verificationCall(hook: StoredHook): Promise<{ ok: boolean; reason: string | null }> {
  let reason: string | null = null;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const challenge = randomBytes(30).toString('base64url');
    const result = await call(
      hook,
      'GET',
      [
        ['User-Agent', 'Okta-Integrations'],
        ['Accept', 'application/json'],
        ['X-Okta-Verification-Challenge', challenge],
      ],
      Buffer.alloc(0),
    );
    reason = challengeFailure(result, challenge);
    if (reason === null) return { ok: true, reason: null };
  }
  return { ok: false, reason };
}

export interface DeliveryAttempt {
  status: number | null;
  failure: string | null;
}

function deliveryFailure(result: CallResult): string | null {
  if (!result.ok)
    return result.cause === 'timeout' ? 'Read timed out' : `Connection failed (${result.cause})`;
  if (result.status >= 200 && result.status < 300) return null;
  return `Received HTTP ${result.status} from the endpoint`;
}

/** One delivery POST, retried once after a 5xx or no answer, never after a 4xx (reference §4.1). */
export async function deliveryCall(hook: StoredHook, envelope: unknown): Promise<DeliveryAttempt[]> {
  const body = Buffer.from(JSON.stringify(envelope));
  const attempts: DeliveryAttempt[] = [];
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const result = await call(
      hook,
      'POST',
      [
        ['Accept', 'application/json'],
        ['Content-Type', 'application/json'],
        ['User-Agent', 'Okta Hook Service v1.0.0 - emulator'],
      ],
      body,
    );
    const failure = deliveryFailure(result);
    attempts.push({ status: result.ok ? result.status : null, failure });
    const retryable = !result.ok || result.status >= 500;
    if (failure === null || !retryable) break;
  }
  return attempts;
}
