import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl } from '../../../test-support/engine/target-server';
import { ORG_DOMAIN, startOktaCore, type OktaTestCore } from '../../../test-support/engine/okta-fixture';
import { makeTempDir, startTestCore } from '../../../test-support/engine/core-fixture';

const DAY = 24 * 3600_000;

let t: OktaTestCore;
const others: { stop(): Promise<unknown> }[] = [];
afterEach(async () => {
  await t.stop();
  for (const other of others.splice(0)) await other.stop();
});

const connect = (token: string, domain = ORG_DOMAIN) => t.core.dispatch('okta.connect', { domain, token });

describe('okta.connect', () => {
  it('keeps the token in the vault, never in settings or in what the UI sees', async () => {
    t = await startOktaCore();
    const state = await t.connect();
    expect(state.connection).toMatchObject({
      status: 'connected',
      domain: ORG_DOMAIN,
      auth: { kind: 'api-token', token: { configured: true, masked: '••••••••' } },
      baseUrlOverride: t.emulator.url,
    });
    expect(JSON.stringify(state)).not.toContain(t.emulator.token);
    expect(await readFile(path.join(t.dataDir, 'secrets.json'), 'utf8')).toContain(t.emulator.token);
    expect(await readFile(path.join(t.dataDir, 'okta-org.json'), 'utf8')).not.toContain(t.emulator.token);
    const request = t.emulator.requests.find((r) => r.url === '/api/v1/eventHooks')!;
    expect(request.headers).toContainEqual(['Authorization', `SSWS ${t.emulator.token}`]);
  });

  it("sends every Okta API call through the host's fetch when it gives one (the desktop app's net.fetch)", async () => {
    const fetched: string[] = [];
    const hostFetch = (url: string, init: RequestInit) => {
      fetched.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
      return fetch(url, init);
    };
    t = await startOktaCore({ core: { okta: { fetch: hostFetch } } });
    const state = await t.connect();
    expect(state.connection.status).toBe('connected');
    expect(fetched).toEqual(expect.arrayContaining(['GET /api/v1/eventHooks', 'GET /api/v1/logs']));
    expect(fetched.length).toBe(t.emulator.requests.length);
  });

  it('explains an invalid or expired token (401 E0000011)', async () => {
    t = await startOktaCore();
    const result = await connect('00notAValidTokenAtAll');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const message = !result.ok ? result.error.message : '';
    expect(message).toContain('E0000011 Invalid token provided');
    expect(message).toMatch(/invalid or expired — Okta API tokens lapse after 30 days without use/);
    expect((await t.state()).connection.status).toBe('not-connected');
  });

  it('names the permission a 403 lacks', async () => {
    t = await startOktaCore({ emulator: { tokens: [{ role: 'none' }] } });
    const result = await connect(t.emulator.token);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!result.ok && result.error.message).toMatch(/E0000006.*okta\.eventHooks\.read.*super admins/s);
  });

  it('says when the domain cannot be reached', async () => {
    t = await startOktaCore();
    const plain = await startTestCore({ okta: { insecureBaseUrl: new URL(await closedPortUrl()).origin } });
    others.push(plain);
    const result = await plain.core.dispatch('okta.connect', {
      domain: ORG_DOMAIN,
      token: '00abcdefghijklmnop',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: /connection refused/ },
    });
  });

  it('says how long to wait when Okta rate-limits (429 E0000047, X-Rate-Limit-Reset)', async () => {
    let now = Date.parse('2026-11-26T10:00:00.000Z');
    t = await startOktaCore({ emulator: { now: () => now } });
    t.emulator.rateLimitNext('event-hooks');
    const result = await connect(t.emulator.token);
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!result.ok && result.error.message).toMatch(/E0000047.*resets in \d+ s/);
    now += 1000;
    expect(await connect(t.emulator.token)).toMatchObject({ ok: true });
  });

  it('refuses what is not an Okta domain before calling anyone', async () => {
    t = await startOktaCore();
    for (const [domain, message] of [
      ['http://dev-1.okta.com', /https only/],
      ['https://dev-1-admin.okta.com', /https:\/\/dev-1\.okta\.com/],
      ['https://dev-1.okta.com/admin/dashboard', /without a path/],
      ['localhost', /not an Okta domain/],
    ] as const) {
      expect(await connect(t.emulator.token, domain)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message },
      });
    }
    expect(t.emulator.requests).toHaveLength(0);
  });

  it('is remembered across restarts and forgotten on disconnect', async () => {
    t = await startOktaCore();
    const dataDir = await makeTempDir();
    others.push({ stop: () => rm(dataDir, { recursive: true, force: true }) });
    const options = { dataDir, okta: { insecureBaseUrl: t.emulator.url } };
    const first = await startTestCore(options);
    await first.call('okta.connect', { domain: ORG_DOMAIN, token: t.emulator.token });
    await first.stop();
    const second = await startTestCore(options);
    others.unshift(second);
    expect((await second.call('okta.get', {})).connection).toMatchObject({ status: 'connected' });
    const gone = await second.call('okta.disconnect', {});
    expect(gone.connection).toMatchObject({ status: 'not-connected', auth: null });
    expect(await readFile(path.join(dataDir, 'secrets.json'), 'utf8')).not.toContain(t.emulator.token);
  });
});

describe('token expiry', () => {
  it('shows expiresAt of the only token, and warns a week before', async () => {
    const now = Date.now();
    t = await startOktaCore({ emulator: { tokens: [{ expiresAt: now + 3 * DAY, fixedExpiry: true }] } });
    const state = await t.connect();
    expect(state.connection.tokenExpiry).toMatchObject({
      state: 'known',
      how: 'only-token',
      warn: true,
      expiresAt: new Date(now + 3 * DAY).toISOString(),
    });
  });

  it('tells the token apart through the System Log once the inspector made a change', async () => {
    t = await startOktaCore({ emulator: { tokens: [{}, { name: 'other' }] } });
    const before = await t.connect();
    expect(before.connection.tokenExpiry).toMatchObject({ state: 'ambiguous', candidates: 2, warn: false });
    await t.call('okta.hooks.point', { eventTypes: ['user.session.start'] });
    const after = await t.state();
    expect(after.connection.tokenExpiry).toMatchObject({
      state: 'known',
      how: 'system-log',
      tokenName: 'inspector token 1',
    });
  });

  it('is honest when the token may not list API tokens', async () => {
    t = await startOktaCore({ emulator: { tokens: [{ role: 'read-only' }] } });
    const state = await t.connect();
    expect(state.connection.tokenExpiry).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('okta.apiTokens.read'),
    });
  });
});
