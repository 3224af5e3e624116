/** Okta's verification challenge header; header names are case-insensitive (https://developer.okta.com/docs/concepts/event-hooks/#one-time-verification-request). */
export const VERIFICATION_CHALLENGE_HEADER = 'x-okta-verification-challenge';

/** Okta's time budget for any answer, verification or delivery (https://developer.okta.com/docs/guides/hooks-best-practices/#avoid-delays-in-hook-responses). */
export const OKTA_TIMEOUT_MS = 3000;
