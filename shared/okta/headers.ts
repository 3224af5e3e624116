/** Okta's verification challenge header; header names are case-insensitive (reference §1). */
export const VERIFICATION_CHALLENGE_HEADER = 'x-okta-verification-challenge';

/** Okta's time budget for any answer, verification or delivery (reference §4.1). */
export const OKTA_TIMEOUT_MS = 3000;
