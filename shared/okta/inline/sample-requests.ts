import type { InlineRequestType } from '../../model/inline';
import { inlineType } from './catalog';

/** Everything random or time-dependent, injected so tests are repeatable. */
export interface InlineSampleContext {
  now: number;
  /** Random letters and digits, e.g. for Okta-style ids. */
  randomId(length: number): string;
}

const ORG = 'https://dev-000000.okta.com';
/** An invented person at example.com, from a documentation IP range (RFC 5737). */
const USER = {
  id: '00u5sample0inspector',
  login: 'lee.chen@example.com',
  firstName: 'Lee',
  lastName: 'Chen',
  ip: '192.0.2.140',
};

const request = (method: string, url: string, ctx: InlineSampleContext) => ({
  id: `req${ctx.randomId(24)}`,
  method,
  url: { value: url },
  ipAddress: USER.ip,
});

const contextUser = () => ({
  id: USER.id,
  passwordChanged: '2026-01-12T08:30:00.000Z',
  profile: { login: USER.login, firstName: USER.firstName, lastName: USER.lastName, locale: 'en_US' },
});

function tokenData(ctx: InlineSampleContext) {
  const issuer = `${ORG}/oauth2/default`;
  const iat = Math.floor(ctx.now / 1000);
  return {
    context: {
      request: request('POST', `${issuer}/v1/token`, ctx),
      protocol: {
        type: 'OAUTH2.0',
        request: {
          client_id: '0oa5sample0client00',
          grant_type: 'authorization_code',
          scope: 'openid profile email',
        },
        issuer: { uri: issuer },
        client: { id: '0oa5sample0client00', name: 'Inspector sample web app', type: 'CONFIDENTIAL' },
      },
      user: contextUser(),
      policy: { id: '00p5sample0policy00', rule: { id: '0pr5sample0rule0000' } },
    },
    identity: {
      claims: {
        sub: USER.id,
        email: USER.login,
        ver: 1,
        iss: issuer,
        aud: '0oa5sample0client00',
        iat,
        exp: iat + 3600,
        name: 'Lee Chen',
      },
      token: { lifetime: { expiration: 3600 } },
    },
    access: {
      claims: {
        ver: 1,
        jti: `AT.${ctx.randomId(20)}`,
        iss: issuer,
        aud: 'api://default',
        iat,
        exp: iat + 3600,
        cid: '0oa5sample0client00',
        uid: USER.id,
        sub: USER.login,
        department: 'Support',
      },
      token: { lifetime: { expiration: 3600 } },
      scopes: {
        openid: { id: 'scp5sample0openid00', action: 'GRANT' },
        email: { id: 'scp5sample0email000', action: 'GRANT' },
      },
    },
  };
}

function samlData(ctx: InlineSampleContext) {
  const sso = `${ORG}/app/dev-000000_samplesaml_1/exk5sample0saml0000/sso/saml`;
  const attribute = (value: string) => ({
    attributes: { NameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic' },
    attributeValues: [{ attributes: { 'xsi:type': 'xs:string' }, value }],
  });
  return {
    context: {
      request: request('GET', sso, ctx),
      protocol: {
        type: 'SAML2.0',
        issuer: {
          id: '0oa5sample0saml0000',
          name: 'Inspector sample SAML app',
          uri: 'http://www.okta.com/exk5sample0saml0000',
        },
      },
      user: contextUser(),
    },
    assertion: {
      subject: {
        nameId: USER.login,
        nameFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        confirmation: {
          method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
          data: { recipient: 'https://sp.example.com/acs' },
        },
      },
      authentication: {
        sessionIndex: `id${ctx.randomId(12)}`,
        authnContext: {
          authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
        },
      },
      conditions: { audienceRestriction: ['https://sp.example.com/metadata'] },
      claims: { team: attribute('Support') },
      lifetime: { expiration: 300 },
    },
  };
}

const profile = { firstName: USER.firstName, lastName: USER.lastName, login: USER.login, email: USER.login };

function dataFor(type: InlineRequestType, ctx: InlineSampleContext): Record<string, unknown> {
  switch (type) {
    case 'token':
      return tokenData(ctx);
    case 'saml':
      return samlData(ctx);
    case 'registration':
      return {
        context: { request: request('POST', '/idp/idx/enroll/new', ctx) },
        userProfile: profile,
        action: 'ALLOW',
      };
    case 'progressive-profile':
      return {
        context: { request: request('POST', '/idp/idx/enroll/update', ctx), user: contextUser() },
        action: 'ALLOW',
        userProfileUpdate: { costCenter: 'CC-7' },
      };
    case 'password-import':
      return {
        context: {
          request: request('POST', '/idp/idx/identify', ctx),
          credential: { username: USER.login, password: 'sample-legacy-password' },
        },
        action: { credential: 'UNVERIFIED' },
      };
    case 'user-import':
      return {
        context: {
          conflicts: [],
          application: {
            name: 'sample_directory',
            id: '0oa5sample0import00',
            label: 'Sample directory',
            status: 'ACTIVE',
          },
          job: { id: `ij${ctx.randomId(18)}`, type: 'import:users' },
          matches: [],
          policy: ['EMAIL'],
        },
        action: { result: 'CREATE_USER' },
        appUser: {
          profile: {
            userName: 'lchen',
            email: USER.login,
            firstName: USER.firstName,
            lastName: USER.lastName,
          },
        },
        user: {
          profile: {
            login: USER.login,
            email: USER.login,
            firstName: USER.firstName,
            lastName: USER.lastName,
          },
        },
      };
    case 'telephony':
      return {
        context: { request: request('POST', '/idp/idx/challenge', ctx) },
        userProfile: {
          firstName: USER.firstName,
          lastName: USER.lastName,
          login: USER.login,
          userId: USER.id,
        },
        messageProfile: {
          msgTemplate: 'Your sample verification code is 135792',
          phoneNumber: '+12025550188',
          otpExpires: new Date(ctx.now + 300_000).toISOString(),
          deliveryChannel: 'SMS',
          otpCode: '135792',
          locale: 'EN-US',
        },
      };
  }
}

/** Where `source` points differs per type; these follow what Okta sends for each. */
function sourceFor(type: InlineRequestType): string {
  if (type === 'token') return `${ORG}/oauth2/default/v1/token`;
  if (type === 'saml') return `${ORG}/app/dev-000000_samplesaml_1/exk5sample0saml0000/sso/saml`;
  if (type === 'registration' || type === 'progressive-profile') return 'reg5sample0inspector';
  if (type === 'user-import') return 'cal5sample0inspector';
  return `${ORG}/api/v1/inlineHooks/cal5sample0inspector`;
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
    data: dataFor(type, ctx),
  };
}
