import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InlineRequestType } from '../../model/inline';
import type { JsonRecord } from '../json-access';
import { judgeAnswer, type AnswerInput } from './verdict';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'inline', name), 'utf8'),
  ) as JsonRecord;

const FILES: Record<InlineRequestType, string> = {
  token: 'token',
  saml: 'saml',
  registration: 'registration',
  'progressive-profile': 'progressive-profile',
  'password-import': 'password-import',
  'user-import': 'user-import',
  telephony: 'telephony',
};

const request = (type: InlineRequestType) => fixture(`${FILES[type]}-request.json`);

function judge(type: InlineRequestType, answer: unknown, extra: Partial<AnswerInput> = {}) {
  const body = typeof answer === 'string' ? answer : JSON.stringify(answer);
  return judgeAnswer({
    type,
    request: request(type),
    status: 200,
    contentType: 'application/json',
    body,
    size: new TextEncoder().encode(body).length,
    ...extra,
  });
}

const rejects = (verdict: ReturnType<typeof judge>) =>
  verdict.findings.filter((f) => f.severity === 'reject').map((f) => f.message);

describe('answers Okta accepts', () => {
  it.each(Object.keys(FILES) as InlineRequestType[])(
    '%s: the valid answer is applied with nothing to fix',
    (type) => {
      const verdict = judge(type, fixture(`${FILES[type]}-response.json`), { elapsedMs: 120 });
      expect(verdict.findings).toEqual([]);
      expect(verdict.outcome).toBe('applied');
      expect(verdict.summary).toMatch(/^Okta /);
    },
  );

  it('a 204 is the default action where Okta allows it, and refused for telephony', () => {
    const empty = { body: '', size: 0, status: 204, contentType: undefined };
    expect(judge('token', '', empty)).toMatchObject({
      outcome: 'default',
      summary: 'Okta issues the tokens unchanged',
    });
    expect(judge('user-import', '', empty).outcome).toBe('default');
    const telephony = judge('telephony', '', empty);
    expect(telephony.outcome).toBe('failed');
    expect(telephony.summary).toMatch(/^Okta sends the one-time code through its own providers/);
  });

  it('an error object decides, in the type’s terms', () => {
    const error = { error: { errorSummary: 'Patient record locked' } };
    expect(judge('token', error)).toMatchObject({
      outcome: 'error',
      summary:
        'Okta fails the token request (OAuth error server_error) and issues no token: "Patient record locked"',
    });
    const withCommands = judge('registration', {
      ...error,
      commands: [{ type: 'com.okta.action.update', value: { registration: 'ALLOW' } }],
    });
    expect(withCommands.outcome).toBe('error');
    expect(withCommands.findings.map((f) => f.rule)).toContain('profile.error');
  });
});

describe('token answers Okta drops whole', () => {
  const patch = (type: string, ...ops: unknown[]) => ({ commands: [{ type, value: ops }] });
  const access = (...ops: unknown[]) => patch('com.okta.access.patch', ...ops);
  const identity = (...ops: unknown[]) => patch('com.okta.identity.patch', ...ops);

  it.each([
    [identity({ op: 'remove', path: '/claims/birthdate', value: 'x' }), '`remove` may not carry a value'],
    [identity({ op: 'add', path: '/claims/iss', value: 'x' }), '`iss` is a reserved claim'],
    [identity({ op: 'replace', path: '/claims/sub', value: 'x' }), '`sub` is a reserved claim'],
    [access({ op: 'replace', path: '/token/lifetime/expiration', value: 100 }), 'from 300 to 86400'],
    [access({ op: 'replace', path: '/token/lifetime/expiration', value: 90000 }), 'from 300 to 86400'],
    [access({ op: 'add', path: '/token/lifetime/expiration', value: 600 }), 'can only be replaced'],
    [
      access({ op: 'replace', path: '/claims/nope', value: 'x' }),
      'path not found (op=replace, path=/claims/nope)',
    ],
    [access({ op: 'add', path: '/claims/nope/inner', value: 'x' }), 'path not found'],
    [access({ op: 'move', path: '/claims/a', value: 'x' }), '`move` is not an operation'],
    [access({ op: 'add', path: '/scopes/x', value: 'x' }), 'Okta patches /claims/'],
    [access({ op: 'add', path: '/claims/a' }), '`add` needs a value'],
    [access({ op: 'add', path: '/claims/a~2b', value: 1 }), 'Okta patches /claims/'],
    [
      { commands: [{ type: 'com.okta.access.patch', value: { op: 'add' } }] },
      'takes an array of patch operations',
    ],
  ])('%j → %s', (answer, reason) => {
    const verdict = judge('token', answer);
    expect(verdict.outcome).toBe('failed');
    expect(verdict.summary).toContain('Okta issues the tokens without your patch');
    expect(rejects(verdict).join('\n')).toContain(reason);
  });

  it('aud and sub may change in access tokens; ops see the claims earlier ops added', () => {
    const verdict = judge(
      'token',
      access(
        { op: 'replace', path: '/claims/sub', value: 'svc' },
        { op: 'add', path: '/claims/tenant', value: { id: 'T1' } },
        { op: 'add', path: '/claims/tenant/region', value: 'eu' },
        { op: 'remove', path: '/claims/tenant/id' },
      ),
    );
    expect(verdict).toMatchObject({ outcome: 'applied', findings: [] });
  });

  it('a patch for a token that is not minted is refused', () => {
    const req = request('token');
    delete (req.data as JsonRecord).identity;
    const body = JSON.stringify(identity({ op: 'add', path: '/claims/x', value: 'y' }));
    const verdict = judgeAnswer({
      type: 'token',
      request: req,
      status: 200,
      contentType: 'application/json',
      body,
      size: body.length,
    });
    expect(rejects(verdict)[0]).toMatch(/no ID token is being minted/);
  });

  it('a command of another hook type is named', () => {
    const verdict = judge('token', { commands: [{ type: 'com.okta.assertion.patch', value: [] }] });
    expect(verdict.summary).toMatch(/Token hooks do not accept com.okta.assertion.patch/);
  });
});

describe('the other types', () => {
  it.each<[InlineRequestType, unknown, string]>([
    [
      'saml',
      { commands: [{ type: 'com.okta.assertion.patch', value: [{ op: 'remove', path: '/claims/roles' }] }] },
      '`remove` is not an operation Okta applies to assertions',
    ],
    [
      'saml',
      {
        commands: [
          { type: 'com.okta.assertion.patch', value: [{ op: 'add', path: '/claims/new', value: 'x' }] },
        ],
      },
      'attributeValues',
    ],
    [
      'saml',
      {
        commands: [
          { type: 'com.okta.assertion.patch', value: [{ op: 'replace', path: '/issuer', value: 'x' }] },
        ],
      },
      'under /subject',
    ],
    [
      'registration',
      { commands: [{ type: 'com.okta.action.update', value: { action: 'ALLOW' } }] },
      '{ "registration": "ALLOW" | "DENY" }',
    ],
    [
      'registration',
      { commands: [{ type: 'com.okta.user.profile.update', value: { password: 'x' } }] },
      'cannot set the password',
    ],
    [
      'progressive-profile',
      { commands: [{ type: 'com.okta.user.profile.update', value: { a: 1 } }] },
      'uses com.okta.user.progressive.profile.update',
    ],
    [
      'password-import',
      { commands: [{ type: 'com.okta.action.update', value: { credential: 'YES' } }] },
      '"VERIFIED" | "UNVERIFIED"',
    ],
    [
      'user-import',
      { commands: [{ type: 'com.okta.action.update', value: { result: 'LINK_USER' } }] },
      'LINK_USER needs a com.okta.user.update',
    ],
    [
      'telephony',
      { commands: [{ type: 'com.okta.telephony.action', value: [{ status: 'SENT' }] }] },
      'SUCCESSFUL, PENDING or FAILED',
    ],
    ['telephony', {}, 'no com.okta.telephony.action'],
  ])('%s %j → %s', (type, answer, reason) => {
    const verdict = judge(type, answer);
    expect(verdict.outcome).toBe('failed');
    expect(rejects(verdict).join('\n')).toContain(reason);
  });

  it('DENY is applied as a denial', () => {
    const verdict = judge('registration', {
      commands: [{ type: 'com.okta.action.update', value: { registration: 'DENY' } }],
    });
    expect(verdict).toMatchObject({
      outcome: 'applied',
      summary: 'Okta denies the registration, as your answer says',
    });
  });
});

describe('what every answer must be', () => {
  it.each<[Partial<AnswerInput>, string]>([
    [{ status: 500 }, 'HTTP 500'],
    [{ status: 302 }, 'does not follow redirects'],
    [{ body: '{"commands":', size: 12 }, 'not JSON'],
    [{ body: '[]', size: 2 }, 'must be a JSON object'],
    [{ size: 256 * 1024 }, 'under 256 KB'],
    [{ elapsedMs: 3000 }, 'Okta stops waiting at 3 s'],
  ])('%j → %s', (extra, reason) => {
    const verdict = judge('password-import', fixture('password-import-response.json'), extra);
    expect(verdict.outcome).toBe('failed');
    expect(verdict.summary).toMatch(/^Okta refuses the sign-in/);
    expect(rejects(verdict).join('\n')).toContain(reason);
  });

  it('warns on what Okta tolerates: content type, slow answers, unknown keys, a missing errorSummary', () => {
    const verdict = judge(
      'user-import',
      { commands: [], extra: 1, error: { errorCauses: [{ reason: 'x' }] } },
      { contentType: 'text/html', elapsedMs: 900 },
    );
    expect(verdict.findings.every((f) => f.severity === 'warn')).toBe(true);
    expect(verdict.findings.map((f) => f.rule).sort()).toEqual(
      ['content-type', 'error-shape', 'error-shape', 'timing', 'top-level'].sort(),
    );
  });
});

describe('what a verdict keeps of a hostile answer', () => {
  it('lists 50 findings and counts the rest; quotes at most 1000 characters of a path', () => {
    // Under 256 KB in all, so every operation is read: each path is quoted in its finding.
    const ops = Array.from({ length: 150 }, () => ({
      op: 'add',
      path: `/scopes/${'x'.repeat(1200)}`,
      value: 1,
    }));
    const verdict = judge('token', { commands: [{ type: 'com.okta.access.patch', value: ops }] });
    expect(verdict.findings).toHaveLength(51);
    expect(verdict.findings.at(-1)?.message).toBe('100 more findings not listed.');
    expect(Math.max(...verdict.findings.map((f) => f.message.length))).toBeLessThanOrEqual(1001);
    const loud = judge('token', { error: { errorSummary: 'y'.repeat(100_000) } });
    expect(loud.summary.length).toBeLessThanOrEqual(2001);
  });
});
