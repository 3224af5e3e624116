import type { InlineFact, InlineRequestType } from '../../model/inline';
import { asRecord, asText, type JsonRecord } from '../json-access';

/** Follow keys through nested objects; undefined as soon as one is missing. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    const record = asRecord(current);
    if (record === undefined || !Object.hasOwn(record, key)) return undefined;
    current = record[key];
  }
  return current;
}

const text = (value: unknown): string | undefined => asText(value);

/** Only facts that are present, in order. */
function facts(...pairs: [string, string | undefined][]): InlineFact[] {
  return pairs.flatMap(([label, value]) => (value === undefined || value === '' ? [] : [{ label, value }]));
}

/** `a=1, b=2` for a flat profile; nested values are shown as JSON. */
function profileText(value: unknown): string | undefined {
  const record = asRecord(value);
  if (record === undefined) return undefined;
  return Object.entries(record)
    .map(([key, item]) => `${key}=${text(item) ?? JSON.stringify(item)}`)
    .join(', ');
}

const keysOf = (value: unknown): string | undefined => {
  const record = asRecord(value);
  return record === undefined ? undefined : Object.keys(record).join(', ');
};

function tokenFacts(data: JsonRecord): InlineFact[] {
  const context = data.context;
  const minted = [data.identity !== undefined && 'ID token', data.access !== undefined && 'access token'];
  return facts(
    ['User', text(dig(context, 'user', 'profile', 'login')) ?? text(dig(context, 'session', 'login'))],
    [
      'Client',
      text(dig(context, 'protocol', 'client', 'name')) ??
        text(dig(context, 'protocol', 'request', 'client_id')),
    ],
    ['Grant type', text(dig(context, 'protocol', 'request', 'grant_type'))],
    ['Scopes requested', text(dig(context, 'protocol', 'request', 'scope'))],
    ['Tokens', minted.filter((name) => name !== false).join(' + ') || 'none'],
    ['Issuer', text(dig(context, 'protocol', 'issuer', 'uri'))],
  );
}

function samlFacts(data: JsonRecord): InlineFact[] {
  const assertion = data.assertion;
  const audience = dig(assertion, 'conditions', 'audienceRestriction');
  return facts(
    ['User', text(dig(data.context, 'user', 'profile', 'login'))],
    ['App', text(dig(data.context, 'protocol', 'issuer', 'name'))],
    ['Subject', text(dig(assertion, 'subject', 'nameId'))],
    ['Audience', Array.isArray(audience) ? audience.map((item) => text(item) ?? '').join(', ') : undefined],
    ['Attributes', keysOf(dig(assertion, 'claims'))],
  );
}

function passwordFacts(data: JsonRecord): InlineFact[] {
  const password = text(dig(data.context, 'credential', 'password'));
  return facts(
    ['Username', text(dig(data.context, 'credential', 'username'))],
    // The legacy password arrives in clear; it is never shown as a fact.
    ['Password', password === undefined ? undefined : `${password.length} characters (hidden)`],
    ['Default action', text(dig(data, 'action', 'credential'))],
  );
}

function importFacts(data: JsonRecord): InlineFact[] {
  const context = data.context;
  const conflicts = dig(context, 'conflicts');
  const matches = dig(context, 'matches');
  return facts(
    ['App', text(dig(context, 'application', 'label'))],
    [
      'App user',
      text(dig(data, 'appUser', 'profile', 'userName')) ?? text(dig(data, 'appUser', 'profile', 'email')),
    ],
    ['Okta login', text(dig(data, 'user', 'profile', 'login'))],
    [
      'Conflicts',
      Array.isArray(conflicts) ? conflicts.map((item) => text(item) ?? '').join(', ') : undefined,
    ],
    ['Matches', Array.isArray(matches) ? String(matches.length) : undefined],
    ['Default action', text(dig(data, 'action', 'result'))],
  );
}

function telephonyFacts(data: JsonRecord): InlineFact[] {
  const message = data.messageProfile;
  return facts(
    ['User', text(dig(data, 'userProfile', 'login'))],
    ['Phone', text(dig(message, 'phoneNumber'))],
    ['Channel', text(dig(message, 'deliveryChannel'))],
    ['Code', text(dig(message, 'otpCode'))],
    ['Message', text(dig(message, 'msgTemplate'))],
  );
}

/** What to read first about a call of each type: the user, the app, what is asked. */
export function requestFacts(type: InlineRequestType, data: JsonRecord): InlineFact[] {
  switch (type) {
    case 'token':
      return tokenFacts(data);
    case 'saml':
      return samlFacts(data);
    case 'registration':
      return facts(['Profile', profileText(data.userProfile)], ['Default action', text(data.action)]);
    case 'progressive-profile':
      return facts(
        ['User', text(dig(data.context, 'user', 'profile', 'login'))],
        ['Update', profileText(data.userProfileUpdate)],
        ['Default action', text(data.action)],
      );
    case 'password-import':
      return passwordFacts(data);
    case 'user-import':
      return importFacts(data);
    case 'telephony':
      return telephonyFacts(data);
  }
}
