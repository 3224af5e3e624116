import type { InlineRequestType } from '../../model/inline';
import { inlineType } from './catalog';
import {
  SAMPLE_ORG,
  SAMPLE_USER,
  sampleContextUser,
  sampleProfile,
  sampleRequest,
  type InlineSampleContext,
} from './sample-people';
import { SAMPLE_SSO_URL, samlData, tokenData } from './sample-token-saml';

export type { InlineSampleContext } from './sample-people';

const registrationData = (ctx: InlineSampleContext) => ({
  context: { request: sampleRequest('POST', '/idp/idx/enroll/new', ctx) },
  userProfile: sampleProfile(),
  action: 'ALLOW',
});

const progressiveData = (ctx: InlineSampleContext) => ({
  context: { request: sampleRequest('POST', '/idp/idx/enroll/update', ctx), user: sampleContextUser() },
  action: 'ALLOW',
  userProfileUpdate: { costCenter: 'CC-7' },
});

const passwordData = (ctx: InlineSampleContext) => ({
  context: {
    request: sampleRequest('POST', '/idp/idx/identify', ctx),
    credential: { username: SAMPLE_USER.login, password: 'sample-legacy-password' },
  },
  action: { credential: 'UNVERIFIED' },
});

function importData(ctx: InlineSampleContext) {
  const application = {
    name: 'sample_directory',
    id: '0oa5sample0import00',
    label: 'Sample directory',
    status: 'ACTIVE',
  };
  const { firstName, lastName, login } = sampleProfile();
  return {
    context: {
      conflicts: [],
      application,
      job: { id: `ij${ctx.randomId(18)}`, type: 'import:users' },
      matches: [],
      policy: ['EMAIL'],
    },
    action: { result: 'CREATE_USER' },
    appUser: { profile: { userName: 'lchen', email: login, firstName, lastName } },
    user: { profile: sampleProfile() },
  };
}

const telephonyData = (ctx: InlineSampleContext) => ({
  context: { request: sampleRequest('POST', '/idp/idx/challenge', ctx) },
  userProfile: {
    firstName: SAMPLE_USER.firstName,
    lastName: SAMPLE_USER.lastName,
    login: SAMPLE_USER.login,
    userId: SAMPLE_USER.id,
  },
  messageProfile: {
    msgTemplate: 'Your sample verification code is 135792',
    phoneNumber: '+12025550188',
    otpExpires: new Date(ctx.now + 300_000).toISOString(),
    deliveryChannel: 'SMS',
    otpCode: '135792',
    locale: 'EN-US',
  },
});

const DATA: Record<InlineRequestType, (ctx: InlineSampleContext) => Record<string, unknown>> = {
  token: tokenData,
  saml: samlData,
  registration: registrationData,
  'progressive-profile': progressiveData,
  'password-import': passwordData,
  'user-import': importData,
  telephony: telephonyData,
};

/** Where `source` points differs per type; these follow what Okta sends for each. */
function sourceFor(type: InlineRequestType): string {
  if (type === 'token') return `${SAMPLE_ORG}/oauth2/default/v1/token`;
  if (type === 'saml') return SAMPLE_SSO_URL;
  if (type === 'registration' || type === 'progressive-profile') return 'reg5sample0inspector';
  if (type === 'user-import') return 'cal5sample0inspector';
  return `${SAMPLE_ORG}/api/v1/inlineHooks/cal5sample0inspector`;
}

/**
 * A realistic inline call of `type`, like the one Okta would send
 * (https://developer.okta.com/docs/concepts/inline-hooks/#inline-hook-request).
 */
export function buildInlineSample(
  type: InlineRequestType,
  ctx: InlineSampleContext,
): Record<string, unknown> {
  const info = inlineType(type);
  return {
    eventId: ctx.randomId(22),
    eventTime: new Date(ctx.now).toISOString(),
    eventType: info.eventType,
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: sourceFor(type),
    ...(info.requestTypes.length > 0 ? { requestType: info.requestTypes[type === 'telephony' ? 1 : 0] } : {}),
    data: DATA[type](ctx),
  };
}
