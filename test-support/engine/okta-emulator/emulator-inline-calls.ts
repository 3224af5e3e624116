import { oktaId } from './emulator-errors';
import { callHook, type HeaderPairs, type HookAnswer } from './emulator-http';
import { contractProblem } from './emulator-inline-contract';
import type { StoredInlineHook } from './emulator-inline-hooks';

/** Okta's budget per call, and the largest answer it takes (https://developer.okta.com/docs/concepts/inline-hooks/). */
const OKTA_TIMEOUT_MS = 3000;
const MAX_ANSWER = 256 * 1024;

export interface InlineAttempt {
  status: number | null;
  failure: string | null;
}

export type ExecuteResult =
  | { ok: true; status: number; body: unknown; attempts: InlineAttempt[] }
  | { ok: false; reason: string; attempts: InlineAttempt[] };

function headers(hook: StoredInlineHook, url: URL, length: number): HeaderPairs {
  return [
    ['Host', url.host],
    ['Accept', 'application/json'],
    ['Content-Type', 'application/json'],
    ...hook.headers.map(({ key, value }): [string, string] => [key, value]),
    ...(hook.auth ? ([[hook.auth.key, hook.auth.value]] as HeaderPairs) : []),
    ['X-Okta-Request-Id', oktaId('', 27)],
    ['Content-Length', String(length)],
  ];
}

/** Why the answer cannot be used; null when it can. */
function failureOf(result: HookAnswer, hookType: string): { failure: string | null; body?: unknown } {
  if (!result.ok)
    return { failure: result.timedOut ? 'Read timed out' : `Connection failed (${result.code})` };
  if (result.status >= 300 && result.status < 400)
    return { failure: `Received HTTP ${result.status}: redirects are not followed` };
  if (result.status < 200 || result.status >= 300)
    return { failure: `Received HTTP ${result.status} from the endpoint` };
  if (result.oversized) return { failure: 'The inline hook response exceeds 256 KB' };
  if (result.status === 204) return { failure: null, body: null };
  let body: unknown;
  try {
    body = JSON.parse(result.body);
  } catch {
    return { failure: 'The inline hook response is not valid JSON' };
  }
  const problem = contractProblem(hookType, body);
  return problem === null ? { failure: null, body } : { failure: problem };
}

/**
 * Okta's `/execute`: the body sent through the hook's channel as a real call would be, 3 s to
 * answer, one more try after a timeout or an error status (never after a 4xx), and the answer
 * returned only if it fits the type's contract.
 */
export async function executeCall(
  hook: StoredInlineHook,
  ca: string | undefined,
  payload: unknown,
): Promise<ExecuteResult> {
  const url = new URL(hook.uri);
  const body = Buffer.from(JSON.stringify(payload));
  const attempts: InlineAttempt[] = [];
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const result = await callHook({
      url,
      method: 'POST',
      headers: headers(hook, url, body.length),
      body,
      timeoutMs: OKTA_TIMEOUT_MS,
      ca,
      answerLimit: MAX_ANSWER,
    });
    const judged = failureOf(result, hook.type);
    attempts.push({ status: result.ok ? result.status : null, failure: judged.failure });
    if (judged.failure === null)
      return { ok: true, status: result.ok ? result.status : 200, body: judged.body, attempts };
    const retryable = !result.ok || result.status >= 500;
    if (!retryable) break;
  }
  return { ok: false, reason: attempts.at(-1)?.failure ?? 'no answer', attempts };
}
