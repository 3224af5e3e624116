/** Everything random or time-dependent in a sample, injected so tests are repeatable. */
export interface InlineSampleContext {
  now: number;
  /** Random letters and digits, e.g. for Okta-style ids. */
  randomId(length: number): string;
}

export const SAMPLE_ORG = 'https://dev-000000.okta.com';

/** An invented person at example.com, from a documentation IP range (RFC 5737). */
export const SAMPLE_USER = {
  id: '00u5sample0inspector',
  login: 'lee.chen@example.com',
  firstName: 'Lee',
  lastName: 'Chen',
  ip: '192.0.2.140',
};

/** The end user's request to Okta that set off the call. */
export const sampleRequest = (method: string, url: string, ctx: InlineSampleContext) => ({
  id: `req${ctx.randomId(24)}`,
  method,
  url: { value: url },
  ipAddress: SAMPLE_USER.ip,
});

export const sampleContextUser = () => ({
  id: SAMPLE_USER.id,
  passwordChanged: '2026-01-12T08:30:00.000Z',
  profile: {
    login: SAMPLE_USER.login,
    firstName: SAMPLE_USER.firstName,
    lastName: SAMPLE_USER.lastName,
    locale: 'en_US',
  },
});

export const sampleProfile = () => ({
  firstName: SAMPLE_USER.firstName,
  lastName: SAMPLE_USER.lastName,
  login: SAMPLE_USER.login,
  email: SAMPLE_USER.login,
});
