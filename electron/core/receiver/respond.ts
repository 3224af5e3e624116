import type { AuthCheck, HeaderList } from '../../../shared/model/exchange';
import type { ResponsePolicy } from '../../../shared/model/settings';
import { failedAuth } from './auth-check';
import type { Route } from './classify';

/** What the receiver will send, decided before the exchange is stored. */
export interface Answer {
  status: number;
  headers: HeaderList;
  body: Buffer;
  /** Hold the answer this long (the response policy's delay). */
  delayMs: number;
}

/** Every answer states its length (none for 204, which has no body), so what is recorded is what is sent. */
const answer = (status: number, headers: HeaderList, body: Buffer, delayMs = 0): Answer =>
  status === 204
    ? { status, headers, body: Buffer.alloc(0), delayMs }
    : { status, headers: [...headers, ['Content-Length', String(body.length)]], body, delayMs };

const text = (status: number, message: string, extra: HeaderList = []): Answer =>
  answer(status, [['Content-Type', 'text/plain; charset=utf-8'], ...extra], Buffer.from(`${message}\n`));

export const storageFailureAnswer = (): Answer =>
  // 503 makes Okta retry once (https://developer.okta.com/docs/concepts/event-hooks/#timeout-and-retry) instead of losing events we could not keep.
  text(503, 'The inspector could not store this request; try again.', [['Retry-After', '1']]);

/**
 * The body budget is spent: 503 with Retry-After, as Okta retries a 5xx once
 * (https://developer.okta.com/docs/concepts/event-hooks/).
 * Not recorded: recording it would cost the memory the refusal protects.
 */
export const busyAnswer = (): Answer =>
  text(503, 'The inspector is busy; try again.', [['Retry-After', '1']]);

/** No `Connection: close`: closing with the body still arriving would reset the connection. */
export const tooLargeAnswer = (limit: number): Answer =>
  text(413, `Request body is larger than the inspector's limit of ${limit} bytes.`);

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** The user's response policy, for deliveries that passed the auth check. */
export function policyAnswer(policy: ResponsePolicy): Answer {
  const headers: HeaderList =
    policy.body === ''
      ? []
      : [['Content-Type', isJson(policy.body) ? 'application/json' : 'text/plain; charset=utf-8']];
  return answer(policy.status, headers, Buffer.from(policy.body), policy.delayMs);
}

/** Okta's verification answer: the challenge echoed as JSON (https://developer.okta.com/docs/concepts/event-hooks/#one-time-verification-request). */
export const verificationAnswer = (challenge: string): Answer =>
  answer(
    200,
    [['Content-Type', 'application/json']],
    Buffer.from(JSON.stringify({ verification: challenge })),
  );

/** Answers to a verification or a delivery as Okta expects (https://developer.okta.com/docs/concepts/event-hooks/#requests-sent-by-okta), after the auth check. */
export function decideAnswer(route: Route, auth: AuthCheck, policy: ResponsePolicy): Answer {
  if (route.kind === 'other') {
    const allow: HeaderList = route.status === 405 ? [['Allow', 'GET, POST']] : [];
    return text(route.status, route.problem.message, allow);
  }
  if (failedAuth(auth.result)) {
    return text(401, 'Unauthorized: the shared secret or a required header is missing or wrong.');
  }
  return route.kind === 'verification' ? verificationAnswer(route.challenge) : policyAnswer(policy);
}
