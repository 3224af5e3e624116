import type { AuthResult } from '../model/exchange';
import { OKTA_TIMEOUT_MS } from './headers';
import { isRecord } from './json-access';

/** What is known about an answer to a verification challenge. */
export interface VerificationAnswer {
  challenge: string;
  status: number;
  bodyText: string | undefined;
  auth: AuthResult;
}

/**
 * Why Okta would refuse this answer, judged on everything but time, or null if it would accept
 * it (a JSON object whose `verification` equals the challenge, 200, within 3 s: https://developer.okta.com/docs/concepts/event-hooks/#one-time-verification-request).
 * Time is judged separately because the final duration is known only after the answer went out.
 */
export function verificationProblem(answer: VerificationAnswer): string | null {
  if (answer.auth === 'missing' || answer.auth === 'mismatch') return 'the auth check rejected it';
  if (answer.status < 200 || answer.status >= 300)
    return answer.status === 0 ? 'no answer was sent' : `the answer was ${answer.status}, not a 2xx`;
  let body: unknown;
  try {
    body = JSON.parse(answer.bodyText ?? '');
  } catch {
    return 'the body is not JSON';
  }
  if (!isRecord(body) || !('verification' in body)) return 'the body is not {"verification": "<challenge>"}';
  if (body.verification !== answer.challenge) return 'the verification value is not the challenge Okta sent';
  return null;
}

export interface VerificationVerdict {
  verified: boolean;
  sentence: string;
}

/** The verdict the user reads, once the duration is known. */
export function verificationVerdict(problem: string | null, durationMs: number): VerificationVerdict {
  if (problem !== null) return { verified: false, sentence: `Okta will reject: ${problem}.` };
  if (durationMs > OKTA_TIMEOUT_MS) {
    const seconds = (durationMs / 1000).toFixed(1);
    return {
      verified: false,
      sentence: `Okta will reject: answered after ${seconds} s, over its 3-second limit.`,
    };
  }
  return { verified: true, sentence: 'Okta will mark the hook VERIFIED.' };
}
