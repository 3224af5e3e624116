import {
  SAMPLE_ORG,
  SAMPLE_USER,
  sampleContextUser,
  sampleRequest,
  type InlineSampleContext,
} from './sample-people';

const CLIENT_ID = '0oa5sample0client00';
const ISSUER = `${SAMPLE_ORG}/oauth2/default`;
export const SAMPLE_SSO_URL = `${SAMPLE_ORG}/app/dev-000000_samplesaml_1/exk5sample0saml0000/sso/saml`;

function tokenContext(ctx: InlineSampleContext) {
  return {
    request: sampleRequest('POST', `${ISSUER}/v1/token`, ctx),
    protocol: {
      type: 'OAUTH2.0',
      request: { client_id: CLIENT_ID, grant_type: 'authorization_code', scope: 'openid profile email' },
      issuer: { uri: ISSUER },
      client: { id: CLIENT_ID, name: 'Inspector sample web app', type: 'CONFIDENTIAL' },
    },
    user: sampleContextUser(),
    policy: { id: '00p5sample0policy00', rule: { id: '0pr5sample0rule0000' } },
  };
}

/** The ID and access tokens being minted: their claims and lifetimes. */
function mintedTokens(ctx: InlineSampleContext) {
  const iat = Math.floor(ctx.now / 1000);
  const common = { ver: 1, iss: ISSUER, iat, exp: iat + 3600 };
  const lifetime = { lifetime: { expiration: 3600 } };
  return {
    identity: {
      claims: { ...common, sub: SAMPLE_USER.id, email: SAMPLE_USER.login, aud: CLIENT_ID, name: 'Lee Chen' },
      token: lifetime,
    },
    access: {
      claims: {
        ...common,
        jti: `AT.${ctx.randomId(20)}`,
        aud: 'api://default',
        cid: CLIENT_ID,
        uid: SAMPLE_USER.id,
        sub: SAMPLE_USER.login,
        department: 'Support',
      },
      token: lifetime,
      scopes: {
        openid: { id: 'scp5sample0openid00', action: 'GRANT' },
        email: { id: 'scp5sample0email000', action: 'GRANT' },
      },
    },
  };
}

export const tokenData = (ctx: InlineSampleContext) => ({ context: tokenContext(ctx), ...mintedTokens(ctx) });

const attribute = (value: string) => ({
  attributes: { NameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic' },
  attributeValues: [{ attributes: { 'xsi:type': 'xs:string' }, value }],
});

function assertion(ctx: InlineSampleContext) {
  return {
    subject: {
      nameId: SAMPLE_USER.login,
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
  };
}

export function samlData(ctx: InlineSampleContext) {
  const issuer = {
    id: '0oa5sample0saml0000',
    name: 'Inspector sample SAML app',
    uri: 'http://www.okta.com/exk5sample0saml0000',
  };
  return {
    context: {
      request: sampleRequest('GET', SAMPLE_SSO_URL, ctx),
      protocol: { type: 'SAML2.0', issuer },
      user: sampleContextUser(),
    },
    assertion: assertion(ctx),
  };
}
