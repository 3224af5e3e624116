import { describe, expect, it } from 'vitest';
import { inlineRoute } from './inline-route';

const paths = { basePath: '/okta/inline', hookPath: '/okta/event-hook' };

describe('inlineRoute', () => {
  it('claims POSTs on a hook kind’s path under the base path', () => {
    expect(inlineRoute('POST', '/okta/inline/token', paths)).toEqual({ kind: 'inline', hook: 'token' });
    expect(
      inlineRoute('POST', '/okta/inline/password-import', { ...paths, basePath: '/okta/inline/' }),
    ).toEqual({
      kind: 'inline',
      hook: 'password-import',
    });
  });

  it('refuses other methods and unknown hooks under the base path, and leaves other paths alone', () => {
    expect(inlineRoute('GET', '/okta/inline/token', paths)).toMatchObject({ kind: 'other', status: 405 });
    expect(inlineRoute('POST', '/okta/inline/fax', paths)).toMatchObject({ kind: 'other', status: 404 });
    expect(inlineRoute('POST', '/okta/inline/token/extra', paths)).toMatchObject({
      kind: 'other',
      status: 404,
    });
    expect(inlineRoute('POST', '/okta/event-hook', paths)).toBeNull();
  });

  it('never takes the event hook’s path, even under the inline base path', () => {
    expect(inlineRoute('POST', '/okta/event-hook', { ...paths, basePath: '/okta' })).toBeNull();
    expect(inlineRoute('POST', '/okta/saml', { ...paths, basePath: '/okta' })).toEqual({
      kind: 'inline',
      hook: 'saml',
    });
  });
});
