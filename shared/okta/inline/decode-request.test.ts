import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InlineHookKind } from '../../model/inline';
import { decodeInlineRequest } from './decode-request';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'inline', `${name}-request.json`), 'utf8');

const fact = (decoded: { facts: { label: string; value: string }[] }, label: string) =>
  decoded.facts.find((f) => f.label === label)?.value;

describe('decodeInlineRequest', () => {
  it.each<[InlineHookKind, string, string, Record<string, string>]>([
    [
      'token',
      'token',
      'token',
      {
        User: 'maria.lopez@example.com',
        'Scopes requested': 'openid profile email offline_access',
        Tokens: 'ID token + access token',
      },
    ],
    ['saml', 'saml', 'saml', { App: 'Expenses (example SAML app)', Attributes: 'department, roles' }],
    ['registration', 'registration', 'registration', { 'Default action': 'ALLOW' }],
    ['registration', 'progressive-profile', 'progressive-profile', { Update: 'employeeNumber=4321' }],
    ['password-import', 'password-import', 'password-import', { Password: '20 characters (hidden)' }],
    ['user-import', 'user-import', 'user-import', { Conflicts: 'login', 'Default action': 'CREATE_USER' }],
    ['telephony', 'telephony', 'telephony', { Phone: '+12025550143', Code: '482913' }],
  ])('%s path, %s request → %s', (hook, file, type, facts) => {
    const { decoded, problems } = decodeInlineRequest(hook, fixture(file));
    expect(problems).toEqual([]);
    expect(decoded.type).toBe(type);
    expect(decoded.eventId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const [label, value] of Object.entries(facts)) expect(fact(decoded, label)).toBe(value);
  });

  it('never shows the imported password', () => {
    const { decoded } = decodeInlineRequest('password-import', fixture('password-import'));
    expect(JSON.stringify(decoded)).not.toContain('Legacy-Example-Pa55!');
  });

  it('a call of another type on a hook path is named, not guessed', () => {
    const { decoded, problems } = decodeInlineRequest('saml', fixture('token'));
    expect(decoded.type).toBeNull();
    expect(problems[0]?.message).toMatch(
      /receives SAML assertion calls .* not com.okta.oauth2.tokens.transform/,
    );
  });

  it('tolerates the event hooks’ plural cloudEventsVersion, and reports what Okta always sends', () => {
    const body = JSON.parse(fixture('telephony')) as Record<string, unknown>;
    body.cloudEventsVersion = body.cloudEventVersion;
    delete body.cloudEventVersion;
    expect(decodeInlineRequest('telephony', JSON.stringify(body)).problems).toEqual([]);
    delete body.cloudEventsVersion;
    body.requestType = 'com.okta.user.telephony.fax';
    const codes = decodeInlineRequest('telephony', JSON.stringify(body)).problems.map((p) => p.code);
    expect(codes).toEqual(['inline-request-type', 'inline-envelope']);
  });

  it('cuts long facts and never throws on hostile bodies', () => {
    const body = JSON.parse(fixture('token')) as {
      data: { context: { protocol: { request: { scope: string } } } };
    };
    body.data.context.protocol.request.scope = 'x'.repeat(10_000);
    const { decoded } = decodeInlineRequest('token', JSON.stringify(body));
    expect(fact(decoded, 'Scopes requested')).toHaveLength(201);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = decodeInlineRequest('token', text);
        expect(result.decoded.hook).toBe('token');
      }),
      { numRuns: 300 },
    );
    expect(
      decodeInlineRequest(
        'token',
        '{"eventType":"com.okta.oauth2.tokens.transform","data":{"context":{"__proto__":{"x":1}}}}',
      ).decoded.type,
    ).toBe('token');
  });
});
