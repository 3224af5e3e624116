import { randomBytes } from 'node:crypto';
import { oktaId } from './emulator-errors';
import type { StoredHook } from './emulator-hooks';
import { callHook, type HookAnswer, type HeaderPairs } from './emulator-http';

/** Okta's budget for any answer from the hook's endpoint (https://developer.okta.com/docs/guides/hooks-best-practices/#avoid-delays-in-hook-responses). */
const OKTA_TIMEOUT_MS = 3000;

function hookHeaders(hook: StoredHook, url: URL, extra: HeaderPairs): HeaderPairs {
  return [
    ['Host', url.host],
    ...extra,
    ...hook.headers.map(({ key, value }): [string, string] => [key, value]),
    ...(hook.auth ? ([[hook.auth.key, hook.auth.value]] as HeaderPairs) : []),
    ['X-Okta-Request-Id', oktaId('', 27)],
  ];
}

function call(
  hook: StoredHook,
  ca: string | undefined,
  method: 'GET' | 'POST',
  extra: HeaderPairs,
  body: Buffer,
): Promise<HookAnswer> {
  const url = new URL(hook.uri);
  const headers = hookHeaders(hook, url, extra);
  if (method === 'POST') headers.push(['Content-Length', String(body.length)]);
  return callHook({ url, method, headers, body, timeoutMs: OKTA_TIMEOUT_MS, ca });
}

const noAnswer = (result: HookAnswer & { ok: false }) =>
  result.timedOut ? 'Read timed out' : `Connection failed (${result.code})`;

/** Why an answer does not count, in the words the emulator logs; null when it counts. */
function challengeFailure(result: HookAnswer, challenge: string): string | null {
  if (!result.ok) return noAnswer(result);
  if (result.status < 200 || result.status >= 300) return `Received HTTP ${result.status}`;
  try {
    const parsed = JSON.parse(result.body) as { verification?: unknown };
    return parsed.verification === challenge ? null : 'The verification value did not match';
  } catch {
    return 'The answer was not JSON';
  }
}

/**
 * Okta's one-time verification (https://developer.okta.com/docs/concepts/event-hooks/#one-time-verification-request): a GET with a fresh challenge and the hook's
 * auth and custom headers, 3 s to answer, one retry after a timeout or an error answer.
 */
export async function verificationCall(
  hook: StoredHook,
  ca: string | undefined,
): Promise<{ ok: boolean; reason: string | null }> {
  let reason: string | null = null;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const challenge = randomBytes(30).toString('base64url');
    const result = await call(
      hook,
      ca,
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

function deliveryFailure(result: HookAnswer): string | null {
  if (!result.ok) return noAnswer(result);
  if (result.status >= 200 && result.status < 300) return null;
  return `Received HTTP ${result.status} from the endpoint`;
}

/** One delivery POST, retried once after a 5xx or no answer, never after a 4xx (https://developer.okta.com/docs/concepts/event-hooks/#timeout-and-retry). */
export async function deliveryCall(
  hook: StoredHook,
  ca: string | undefined,
  envelope: unknown,
): Promise<DeliveryAttempt[]> {
  const body = Buffer.from(JSON.stringify(envelope));
  const attempts: DeliveryAttempt[] = [];
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const result = await call(
      hook,
      ca,
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
