import type { InlineRequestType } from '../../model/inline';
import { asText, type JsonRecord } from '../json-access';
import { dig } from './request-facts';

export interface TemplateVariable {
  name: string;
  /** Where it is read from in the request body, for the editor's list. */
  path: string;
}

const COMMON: TemplateVariable[] = [
  { name: 'eventId', path: 'eventId' },
  { name: 'eventTime', path: 'eventTime' },
];

const BY_TYPE: Record<InlineRequestType, TemplateVariable[]> = {
  token: [
    { name: 'login', path: 'data.context.user.profile.login' },
    { name: 'userId', path: 'data.context.user.id' },
    { name: 'clientId', path: 'data.context.protocol.client.id' },
    { name: 'scopes', path: 'data.context.protocol.request.scope' },
  ],
  saml: [
    { name: 'login', path: 'data.context.user.profile.login' },
    { name: 'userId', path: 'data.context.user.id' },
    { name: 'nameId', path: 'data.assertion.subject.nameId' },
  ],
  registration: [
    { name: 'login', path: 'data.userProfile.login' },
    { name: 'email', path: 'data.userProfile.email' },
    { name: 'firstName', path: 'data.userProfile.firstName' },
    { name: 'lastName', path: 'data.userProfile.lastName' },
  ],
  'progressive-profile': [
    { name: 'login', path: 'data.context.user.profile.login' },
    { name: 'userId', path: 'data.context.user.id' },
  ],
  'password-import': [{ name: 'username', path: 'data.context.credential.username' }],
  'user-import': [
    { name: 'login', path: 'data.user.profile.login' },
    { name: 'email', path: 'data.appUser.profile.email' },
    { name: 'appUserName', path: 'data.appUser.profile.userName' },
  ],
  telephony: [
    { name: 'login', path: 'data.userProfile.login' },
    { name: 'userId', path: 'data.userProfile.userId' },
    { name: 'phoneNumber', path: 'data.messageProfile.phoneNumber' },
    { name: 'otpCode', path: 'data.messageProfile.otpCode' },
  ],
};

/** The named variables a template of this type can use. */
export const templateVariables = (type: InlineRequestType): TemplateVariable[] => [
  ...COMMON,
  ...BY_TYPE[type],
];

/** A variable's value: a named one, or any dotted path into the request body (`data.action`). */
export function variableValue(type: InlineRequestType, request: JsonRecord | null, name: string): unknown {
  const named = templateVariables(type).find((variable) => variable.name === name);
  const path = (named?.path ?? name).split('.');
  // A password import's clear-text password is not offered to templates.
  if (path.join('.') === 'data.context.credential.password') return undefined;
  return dig(request, ...path);
}

export const variableText = (value: unknown): string | undefined =>
  asText(value) ?? (value === undefined ? undefined : JSON.stringify(value));
