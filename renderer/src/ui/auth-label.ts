import type { AuthResult, ExchangeOrigin } from '../../../shared/model/exchange';

export interface AuthLabel {
  text: string;
  title: string;
}

/**
 * The words for each auth result, wherever the UI shows one: the list's badges, the detail, and
 * the Filter menu (whose `auth:` values are the search syntax behind these words).
 */
export const AUTH_WORDS: Record<AuthResult, AuthLabel> = {
  ok: { text: 'auth ✓', title: 'The shared secret matched' },
  'not-configured': { text: 'no secret', title: 'No secret is configured: every request is accepted' },
  missing: { text: 'no auth', title: 'The auth header was missing' },
  mismatch: { text: 'bad auth', title: 'The auth header did not match the secret' },
};

/**
 * An imported exchange was never checked here: a HAR from another tool has no result, and our
 * own export's "no secret" was the capturing app's setting, not a problem with this one's.
 */
const NOT_CHECKED: AuthLabel = {
  text: 'unchecked',
  title:
    'Imported: no secret was checked (the file has no result, or no secret was set where it was captured)',
};

/** What the auth check of an exchange says, in a badge's words. */
export function authLabel(result: AuthResult, origin: ExchangeOrigin): AuthLabel {
  return origin === 'imported' && result === 'not-configured' ? NOT_CHECKED : AUTH_WORDS[result];
}
