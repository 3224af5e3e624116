import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InlineRequestType } from '../../../shared/model/inline';
import { INLINE_TYPES } from '../../../shared/okta/inline/catalog';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { deliver, send } from '../../../test-support/engine/http-client';
import { FakeTimers } from '../../../test-support/engine/fake-timers';
import { answer, startTarget, type TargetServer } from '../../../test-support/engine/target-server';
import { waitFor } from '../../../test-support/engine/wait-for';

const SECRET = 'Basic aW5saW5lOnRlc3Qtb25seQ==';
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../../../shared/okta/fixtures/inline', name), 'utf8');

let t: TestCore;
let handler: TargetServer | undefined;
let scheduler: FakeTimers;
afterEach(async () => {
  await t?.stop();
  await handler?.close();
  handler = undefined;
});

async function start() {
  scheduler = new FakeTimers();
  t = await startTestCore({ overrides: { secret: SECRET }, inline: { scheduler } });
  return t;
}

const base = () => new URL('/okta/inline/', t.hookUrl).toString();
const get = (id: string) => t.call('exchanges.get', { id });
const latest = async () => {
  const page = await t.call('exchanges.list', { limit: 1 });
  return get(page.items[0]!.id);
};
const call = (hook: string, body: string, headers: [string, string][] = [['Authorization', SECRET]]) =>
  deliver(`${base()}${hook}`, body, headers);
const configure = (types: Record<string, unknown>) => t.call('inline.configure', { types });

describe('inline hook calls through the receiver', () => {
  it.each(INLINE_TYPES.map((info) => info.type))(
    '%s: a sample is received on its path, answered from its template, and Okta applies the answer',
    async (type: InlineRequestType) => {
      await start();
      const { exchangeId } = await t.call('samples.send', { inlineType: type });
      const exchange = await get(exchangeId);
      const hook = type === 'progressive-profile' ? 'registration' : type;
      expect(exchange).toMatchObject({
        kind: 'inline',
        origin: 'sample',
        request: { path: `/okta/inline/${hook}` },
        auth: { result: 'ok' },
        response: { status: 200 },
        inline: { request: { hook, type }, answeredBy: 'template', verdict: { outcome: 'applied' } },
      });
      expect(exchange.inline?.verdict.findings).toEqual([]);
      expect(exchange.response.headers).toContainEqual(['Content-Type', 'application/json']);
      expect(exchange.problems).toEqual([]);
    },
  );

  it('a handler’s invalid answer is relayed and flagged with the reason Okta would give', async () => {
    await start();
    const bad = JSON.stringify({
      commands: [
        { type: 'com.okta.identity.patch', value: [{ op: 'remove', path: '/claims/birthdate', value: 'x' }] },
      ],
    });
    handler = await startTarget(answer(200, bad, { 'Content-Type': 'application/json' }), '/hooks/token');
    await configure({ token: { mode: 'forward', forwardUrl: handler.url } });
    const response = await call('token', fixture('token-request.json'));
    expect(response.text).toBe(bad);
    const exchange = await latest();
    expect(exchange.forward?.url).toBe(handler.url);
    expect(exchange.inline).toMatchObject({
      answeredBy: 'forward',
      verdict: {
        outcome: 'failed',
        summary: 'Okta issues the tokens without your patch: `remove` may not carry a value',
      },
    });
    expect(handler.seen[0]?.body.toString()).toBe(fixture('token-request.json'));
  });

  /** For each type: an answer a handler might give, and the reason Okta would refuse it. */
  const INVALID: [InlineRequestType, unknown, string][] = [
    [
      'token',
      {
        commands: [
          { type: 'com.okta.access.patch', value: [{ op: 'add', path: '/claims/scp', value: 'x' }] },
        ],
      },
      'Okta issues the tokens without your patch: `scp` is a reserved claim',
    ],
    [
      'saml',
      { commands: [{ type: 'com.okta.assertion.patch', value: [{ op: 'remove', path: '/claims/roles' }] }] },
      'Okta sends the original assertion without your patch: `remove` is not an operation Okta applies to assertions',
    ],
    [
      'registration',
      { commands: [{ type: 'com.okta.action.update', value: { registration: 'MAYBE' } }] },
      'Okta denies the registration: com.okta.action.update takes exactly',
    ],
    [
      'progressive-profile',
      { commands: [{ type: 'com.okta.user.profile.update', value: { a: 1 } }] },
      'Okta denies the profile update: Progressive profile hooks do not accept com.okta.user.profile.update',
    ],
    [
      'password-import',
      { commands: [{ type: 'com.okta.action.update', value: { credential: 'OK' } }] },
      'Okta refuses the sign-in, imports no password and calls the hook again next time: com.okta.action.update takes exactly',
    ],
    [
      'user-import',
      { commands: [{ type: 'com.okta.action.update', value: { result: 'LINK_USER' } }] },
      'Okta goes on with the import and creates the user unchanged: LINK_USER needs a com.okta.user.update',
    ],
    [
      'telephony',
      { commands: [{ type: 'com.okta.telephony.action', value: [{ status: 'DELIVERED' }] }] },
      'Okta sends the one-time code through its own providers: status must be SUCCESSFUL, PENDING or FAILED',
    ],
  ];

  it.each(INVALID)(
    "%s: a handler's invalid answer is relayed and flagged with Okta's reason",
    async (type, bad, reason) => {
      await start();
      const text = JSON.stringify(bad);
      handler = await startTarget(
        answer(200, text, { 'Content-Type': 'application/json' }),
        `/hooks/${type}`,
      );
      await configure({ [type]: { mode: 'forward', forwardUrl: handler.url } });
      const { exchangeId } = await t.call('samples.send', { inlineType: type });
      const exchange = await get(exchangeId);
      expect(exchange.response.body.text).toBe(text);
      expect(exchange.inline?.answeredBy).toBe('forward');
      expect(exchange.inline?.verdict.outcome).toBe('failed');
      expect(exchange.inline?.verdict.summary.startsWith(reason)).toBe(true);
    },
  );

  it('refuses a handler URL that is the receiver itself', async () => {
    await start();
    const own = new URL('/okta/inline/token', t.hookUrl).toString().replace('127.0.0.1', 'localhost');
    await expect(configure({ token: { mode: 'forward', forwardUrl: own } })).rejects.toThrow(/own receiver/);
  });

  it("recognises Okta's retry of a call by its eventId", async () => {
    await start();
    await call('registration', fixture('registration-request.json'));
    const first = await latest();
    await call('registration', fixture('registration-request.json'));
    const retry = await latest();
    expect(retry.id).not.toBe(first.id);
    expect(retry.sightings?.repeatOf).toBe(first.id);
    expect(first.sightings?.repeatOf).toBeUndefined();
  });

  it('refuses what is not an inline call of that hook, and callers without the secret', async () => {
    await start();
    const wrongType = await call('saml', fixture('token-request.json'));
    expect(wrongType.status).toBe(400);
    expect((await latest()).inline).toMatchObject({ request: { type: null }, answeredBy: 'refused' });
    const noSecret = await call('token', fixture('token-request.json'), []);
    expect(noSecret.status).toBe(401);
    expect((await latest()).inline?.verdict.summary).toMatch(
      /^Okta issues the tokens without your patch: HTTP 401/,
    );
    // Nested far past any Okta call: refused as unreadable, and still recorded.
    const nested = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const deep = `{"eventType":"com.okta.user.pre-registration","data":{"userProfile":{"x":${nested}}}}`;
    for (const headers of [[['Authorization', SECRET]], []] as [string, string][][]) {
      expect((await call('registration', deep, headers)).status).toBe(headers.length === 0 ? 401 : 400);
      expect((await latest()).inline?.answeredBy).toBe('refused');
    }
    expect((await send(`${base()}token`)).status).toBe(405);
    expect((await call('nope', '{}')).status).toBe(404);
  });
});

describe('secrets in inline calls', () => {
  it('a password import’s clear-text password reaches neither the UI nor a held call unless revealed', async () => {
    await start();
    await configure({ 'password-import': { mode: 'breakpoint' } });
    const pending = call('password-import', fixture('password-import-request.json'));
    const pushed = await waitFor(() => {
      const push = t.pushes.filter((p) => p.name === 'inline.changed').at(-1);
      return push?.name === 'inline.changed' ? push.payload.held[0] : undefined;
    });
    expect(pushed.requestText).not.toContain('Legacy-Example-Pa55!');
    expect(pushed.requestText).toContain('"password": "••••••••"');
    await t.call('inline.release', { id: pushed.id, answer: '' });
    expect((await pending).status).toBe(204);
    const { id } = await latest();
    const shown = await get(id);
    expect(JSON.stringify(shown)).not.toContain('Legacy-Example-Pa55!');
    expect(shown.request.headers).toContainEqual(['Authorization', 'Basic ••••••••']);
    const revealed = await t.call('exchanges.get', { id, revealSecrets: true });
    expect(revealed.request.body.text).toBe(fixture('password-import-request.json'));
  });
});

describe('breakpoints', () => {
  const held = () => {
    const push = t.pushes.filter((p) => p.name === 'inline.changed').at(-1);
    const state = push?.payload;
    return state && state.held.length > 0 ? state.held[0] : undefined;
  };

  it('holds the call until the user answers; the edited answer reaches the caller', async () => {
    await start();
    await configure({ registration: { mode: 'breakpoint' } });
    const pending = call('registration', fixture('registration-request.json'));
    const hold = await waitFor(held);
    expect(hold).toMatchObject({ type: 'registration', decoded: { type: 'registration' } });
    expect(hold.deadlineAt - hold.receivedAt).toBe(2750);
    expect(JSON.parse(hold.draft)).toMatchObject({ commands: [{ type: 'com.okta.action.update' }] });
    expect(scheduler.delays()).toHaveLength(1);
    const edited = '{"commands":[{"type":"com.okta.action.update","value":{"registration":"DENY"}}]}';
    const check = await t.call('inline.release', {
      id: hold.id,
      answer: edited,
    });
    expect(check.verdict.summary).toBe('Okta denies the registration, as your answer says');
    const response = await pending;
    expect(response.text).toBe(edited);
    const exchange = await latest();
    expect(exchange.inline).toMatchObject({ answeredBy: 'breakpoint', verdict: { outcome: 'applied' } });
    expect(scheduler.delays()).toEqual([]);
    await expect(t.call('inline.release', { id: hold.id, answer: edited })).rejects.toThrow(/no longer held/);
  });

  const FILES: Record<InlineRequestType, [string, string]> = {
    token: ['token', 'token'],
    saml: ['saml', 'saml'],
    registration: ['registration', 'registration'],
    'progressive-profile': ['registration', 'progressive-profile'],
    'password-import': ['password-import', 'password-import'],
    'user-import': ['user-import', 'user-import'],
    telephony: ['telephony', 'telephony'],
  };

  it.each(INLINE_TYPES.map((info) => info.type))(
    '%s: the answer edited at the breakpoint reaches the caller',
    async (type) => {
      await start();
      const [hook, file] = FILES[type];
      await configure({ [type]: { mode: 'breakpoint' } });
      const pending = call(hook, fixture(`${file}-request.json`));
      const hold = await waitFor(held);
      expect(hold.type).toBe(type);
      const edited = fixture(`${file}-response.json`);
      await t.call('inline.release', { id: hold.id, answer: edited });
      expect((await pending).text).toBe(edited);
      const exchange = await latest();
      expect(exchange.inline).toMatchObject({ answeredBy: 'breakpoint', verdict: { outcome: 'applied' } });
      // A held call may take its time: only Okta's slow-answer warning is allowed.
      expect(exchange.inline?.verdict.findings.filter((f) => f.rule !== 'timing')).toEqual([]);
    },
  );

  it('at the deadline the template answers by itself, and the record says so', async () => {
    await start();
    await configure({ 'password-import': { mode: 'breakpoint' } });
    const pending = call('password-import', fixture('password-import-request.json'));
    await waitFor(held);
    scheduler.runPending();
    const response = await pending;
    expect(JSON.parse(response.text)).toMatchObject({ commands: [{ value: { credential: 'VERIFIED' } }] });
    const exchange = await latest();
    expect(exchange.inline?.answeredBy).toBe('breakpoint-expired');
    expect(exchange.inline?.verdict.findings[0]).toMatchObject({
      rule: 'breakpoint.deadline',
      severity: 'warn',
    });
    await waitFor(() => (held() === undefined ? true : undefined));
  });

  it('a caller that hangs up while held is recorded, not answered', async () => {
    await start();
    await configure({ telephony: { mode: 'breakpoint' } });
    // Okta gives up at 3 s and closes the connection, as this caller does while the call is held.
    const caller = request(`${base()}telephony`, {
      method: 'POST',
      headers: { Authorization: SECRET, 'Content-Type': 'application/json' },
    });
    const failed = new Promise((resolve) => caller.on('error', resolve));
    caller.end(fixture('telephony-request.json'));
    await waitFor(held);
    caller.destroy();
    await failed;
    const id = await waitFor(() => {
      const push = t.pushes.find((p) => p.name === 'exchanges.appended');
      return push?.name === 'exchanges.appended' ? push.payload.items[0]?.id : undefined;
    });
    const exchange = await get(id);
    expect(exchange.inline).toMatchObject({
      answeredBy: 'breakpoint-expired',
      verdict: { outcome: 'failed', findings: [{ rule: 'breakpoint.caller-gone' }] },
    });
    expect(exchange.inline?.verdict.summary).toMatch(
      /^Okta sends the one-time code through its own providers/,
    );
  });
});
