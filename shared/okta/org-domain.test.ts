import { describe, expect, it } from 'vitest';
import { checkOrgDomain, checkPublicBase, hookUrlOn } from './org-domain';

describe('checkOrgDomain', () => {
  it.each([
    ['dev-123456.okta.com', 'https://dev-123456.okta.com'],
    ['  https://Dev-123456.OKTA.com/  ', 'https://dev-123456.okta.com'],
    ['https://acme.oktapreview.com:443', 'https://acme.oktapreview.com'],
  ])('accepts %s as %s', (input, url) => {
    expect(checkOrgDomain(input)).toEqual({ ok: true, url, note: null });
  });

  it('accepts a custom domain with a note', () => {
    expect(checkOrgDomain('login.example.com')).toMatchObject({
      ok: true,
      note: expect.stringContaining('custom'),
    });
  });

  it.each([
    ['', /Enter your Okta domain/],
    ['http://dev-1.okta.com', /https only/],
    ['https://dev-1-admin.okta.com', /API lives at https:\/\/dev-1\.okta\.com/],
    ['https://dev-1.okta.com/oauth2/default', /without a path/],
    ['https://dev-1.okta.com?x=1', /without a path/],
    ['https://dev-1.okta.com:8443', /no port/],
    ['https://user:pw@dev-1.okta.com', /not an Okta domain/],
    ['https://192.0.2.1', /not an Okta domain/],
    ['localhost', /not an Okta domain/],
  ])('refuses %j', (input, message) => {
    expect(checkOrgDomain(input)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});

describe('checkPublicBase', () => {
  it('wants https, on any host (Okta refuses every other hook URI)', () => {
    expect(checkPublicBase('https://abc.ngrok.app/')).toMatchObject({
      ok: true,
      url: 'https://abc.ngrok.app',
    });
    expect(checkPublicBase('abc.ngrok.app')).toMatchObject({ ok: true, url: 'https://abc.ngrok.app' });
    expect(checkPublicBase('https://127.0.0.1:8443')).toMatchObject({
      ok: true,
      url: 'https://127.0.0.1:8443',
    });
    expect(checkPublicBase('http://abc.ngrok.app')).toMatchObject({ ok: false });
    expect(checkPublicBase('http://127.0.0.1:8787')).toMatchObject({ ok: false });
    expect(checkPublicBase('https://abc.ngrok.app/#x')).toMatchObject({ ok: false });
  });

  it('puts the hook path on the base once', () => {
    expect(hookUrlOn('https://a.ngrok.app/', '/okta/event-hook')).toBe('https://a.ngrok.app/okta/event-hook');
    expect(hookUrlOn('https://a.ngrok.app/okta/event-hook', '/okta/event-hook')).toBe(
      'https://a.ngrok.app/okta/event-hook',
    );
  });
});
