import type { InlineHookKind, InlineRequestType } from '../../model/inline';

/** Okta's overview of inline hooks: timeout, retries, answer shape. */
export const INLINE_CONCEPTS_URL = 'https://developer.okta.com/docs/concepts/inline-hooks/';
/** The Management API and the per-type request/answer contracts (`x-webhooks`). */
export const INLINE_API_URL =
  'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/InlineHook/';

/** Okta waits this long for an answer (https://developer.okta.com/docs/concepts/inline-hooks/#timeout-and-retry). */
export const OKTA_INLINE_BUDGET_MS = 3000;
/** Answers must be smaller than this (https://developer.okta.com/docs/concepts/inline-hooks/#inline-hook-response). */
export const OKTA_INLINE_MAX_ANSWER_BYTES = 256 * 1024;
/** Okta's rate-limit guidance assumes hooks answer within this (https://developer.okta.com/docs/guides/hooks-best-practices/). */
export const OKTA_INLINE_FAST_MS = 500;

export interface InlineTypeInfo {
  type: InlineRequestType;
  hook: InlineHookKind;
  label: string;
  /** The envelope's `eventType`, which is also the hook's `type` in the Management API. */
  eventType: string;
  /** Registration and telephony calls name their variant; the others carry none. */
  requestTypes: readonly string[];
  /** Command types Okta accepts in an answer to this type. */
  commands: readonly string[];
  /** An empty 204 answer means "no change" for this type. */
  allows204: boolean;
  /** Okta calls again once after a timeout or an error status. */
  retried: boolean;
  /** What Okta does when the call fails or its answer is unusable. */
  onFailure: string;
  /** What Okta does with an `error` object in the answer. */
  onError: string;
  /** What Okta does with no commands (204 or `{}`). */
  onDefault: string;
  docsUrl: string;
}

const TOKEN: InlineTypeInfo = {
  type: 'token',
  hook: 'token',
  label: 'Token',
  eventType: 'com.okta.oauth2.tokens.transform',
  requestTypes: [],
  commands: ['com.okta.identity.patch', 'com.okta.access.patch'],
  allows204: true,
  retried: false,
  onFailure: 'Okta issues the tokens without your patch',
  onError: 'Okta fails the token request (OAuth error server_error) and issues no token',
  onDefault: 'Okta issues the tokens unchanged',
  docsUrl: 'https://developer.okta.com/docs/guides/token-inline-hook/',
};

const SAML: InlineTypeInfo = {
  type: 'saml',
  hook: 'saml',
  label: 'SAML assertion',
  eventType: 'com.okta.saml.tokens.transform',
  requestTypes: [],
  commands: ['com.okta.assertion.patch'],
  allows204: true,
  retried: true,
  onFailure: 'Okta sends the original assertion without your patch',
  onError: 'Okta denies the sign-in and shows the user an error page',
  onDefault: 'Okta sends the assertion unchanged',
  docsUrl: 'https://developer.okta.com/docs/guides/saml-inline-hook/',
};

const REGISTRATION: InlineTypeInfo = {
  type: 'registration',
  hook: 'registration',
  label: 'Registration',
  eventType: 'com.okta.user.pre-registration',
  requestTypes: ['self.service.registration'],
  commands: ['com.okta.user.profile.update', 'com.okta.action.update'],
  allows204: true,
  retried: true,
  onFailure: 'Okta denies the registration',
  onError: 'Okta runs none of your commands and denies the registration',
  onDefault: 'Okta allows the registration unchanged',
  docsUrl: 'https://developer.okta.com/docs/guides/registration-inline-hook/',
};

const PROGRESSIVE: InlineTypeInfo = {
  ...REGISTRATION,
  type: 'progressive-profile',
  label: 'Progressive profile',
  requestTypes: ['progressive.profile'],
  commands: ['com.okta.user.progressive.profile.update', 'com.okta.action.update'],
  onFailure: 'Okta denies the profile update',
  onError: 'Okta runs none of your commands and denies the profile update',
  onDefault: 'Okta allows the profile update unchanged',
};

const PASSWORD_IMPORT: InlineTypeInfo = {
  type: 'password-import',
  hook: 'password-import',
  label: 'Password import',
  eventType: 'com.okta.user.credential.password.import',
  requestTypes: [],
  commands: ['com.okta.action.update'],
  allows204: true,
  retried: true,
  onFailure: 'Okta refuses the sign-in, imports no password and calls the hook again next time',
  onError: 'Okta refuses the sign-in and imports no password',
  onDefault: 'Okta refuses the sign-in (the password stays UNVERIFIED)',
  docsUrl: 'https://developer.okta.com/docs/guides/password-import-inline-hook/',
};

const USER_IMPORT: InlineTypeInfo = {
  type: 'user-import',
  hook: 'user-import',
  label: 'User import',
  eventType: 'com.okta.import.transform',
  requestTypes: [],
  commands: [
    'com.okta.appUser.profile.update',
    'com.okta.user.profile.update',
    'com.okta.action.update',
    'com.okta.user.update',
  ],
  allows204: true,
  retried: true,
  onFailure: 'Okta goes on with the import and creates the user unchanged',
  onError: 'Okta records the error in the System Log for this user',
  onDefault: 'Okta goes on with the import unchanged',
  docsUrl: `${INLINE_API_URL}#tag/InlineHook/operation/createUserImportInlineHook`,
};

const TELEPHONY: InlineTypeInfo = {
  type: 'telephony',
  hook: 'telephony',
  label: 'Telephony',
  eventType: 'com.okta.telephony.provider',
  requestTypes: [
    'com.okta.user.telephony.pre-enrollment',
    'com.okta.user.telephony.mfa-verification',
    'com.okta.user.telephony.account-unlock',
    'com.okta.user.telephony.password-reset',
  ],
  commands: ['com.okta.telephony.action'],
  allows204: false,
  retried: false,
  onFailure: 'Okta sends the one-time code through its own providers',
  onError: 'Okta sends the one-time code through its own providers',
  onDefault: 'Okta sends the one-time code through its own providers',
  docsUrl: 'https://developer.okta.com/docs/guides/telephony-inline-hook/',
};

export const INLINE_TYPES: readonly InlineTypeInfo[] = [
  TOKEN,
  SAML,
  REGISTRATION,
  PROGRESSIVE,
  PASSWORD_IMPORT,
  USER_IMPORT,
  TELEPHONY,
];

export const INLINE_HOOKS: readonly InlineHookKind[] = [
  'token',
  'saml',
  'registration',
  'password-import',
  'user-import',
  'telephony',
];

export const inlineType = (type: InlineRequestType): InlineTypeInfo =>
  INLINE_TYPES.find((info) => info.type === type) ?? TOKEN;

export const isInlineHookKind = (value: string): value is InlineHookKind =>
  (INLINE_HOOKS as readonly string[]).includes(value);

/** The Management API's hook `type` for a hook kind. */
export const hookEventType = (hook: InlineHookKind): string => inlineType(hook).eventType;

/** The hook kind registered with this Management API `type`, if it is one of Okta's six. */
export const hookOfEventType = (eventType: string): InlineHookKind | undefined =>
  INLINE_HOOKS.find((hook) => inlineType(hook).eventType === eventType);
