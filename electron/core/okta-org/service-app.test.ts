import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { JsonWebKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../deps';
import { makeTempDir, startTestCore } from '../../../test-support/engine/core-fixture';
import { makeTestKey } from '../../../test-support/engine/okta-emulator/test-signer';
import { ORG_DOMAIN, startOktaCore, type OktaTestCore } from '../../../test-support/engine/okta-fixture';

let t: OktaTestCore;
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await t.stop();
  for (const step of cleanup.splice(0)) await step();
});

const logLines: string[] = [];
const capturing: Logger = {
  info: (message, fields) => void logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
  warn: (message, fields) => void logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
  error: (message, fields) => void logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
};

/** What an admin does in the Admin Console: an API Services app with the inspector's public key. */
async function registeredApp(options: Parameters<OktaTestCore['emulator']['addApp']>[0] = {}) {
  const pending = await t.call('okta.keys.generate', {});
  const publicJwk = JSON.parse(pending.publicJwk) as JsonWebKey;
  return { pending, app: t.emulator.addApp({ keys: [publicJwk], ...options }) };
}

const tokenRequests = () => t.emulator.requests.filter((r) => r.url === '/oauth2/v1/token');
const authorizations = () =>
  t.emulator.requests.flatMap((r) =>
    r.headers.filter(([name]) => name === 'Authorization').map(([, v]) => v),
  );

describe('connect as an OAuth 2.0 service app', () => {
  it('signs in with a key pair made here, asking only for the scopes its features need', async () => {
    t = await startOktaCore({ core: { logger: capturing } });
    const { pending, app } = await registeredApp({
      grants: ['okta.eventHooks.manage', 'okta.logs.read', 'okta.users.manage'],
    });
    expect(JSON.parse(pending.publicJwk)).toMatchObject({
      kty: 'RSA',
      kid: pending.keyId,
      use: 'sig',
      alg: 'RS256',
    });
    expect(pending.publicJwk).not.toMatch(/"d"|"p"|"q"/);
    const state = await t.connectApp({ clientId: app.clientId });
    expect(state.connection).toMatchObject({
      status: 'connected',
      auth: { kind: 'service-app', clientId: app.clientId, keyId: pending.keyId, dpop: false },
    });
    expect(state.pendingKey).toBeNull();
    const [issued] = [...t.emulator.oauth.issued.values()];
    expect(issued?.scopes).toEqual(['okta.eventHooks.manage', 'okta.logs.read']);
    expect(authorizations().every((value) => value.startsWith('Bearer '))).toBe(true);
    const run = await t.call('okta.hooks.point', { eventTypes: ['user.session.start'] });
    expect(run.outcome).toBe('ok');
    expect(t.emulator.org.hooks.get(run.hookId!)?.verificationStatus).toBe('VERIFIED');
    expect(tokenRequests()).toHaveLength(1);
  });

  it('keeps the private key like the other secrets: in the vault only, never in the UI or the log', async () => {
    t = await startOktaCore({ core: { logger: capturing } });
    const key = makeTestKey('ec', 'key-from-the-console');
    const app = t.emulator.addApp({ keys: [key.publicJwk] });
    const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const state = await t.connectApp({ clientId: app.clientId, privateKey: pem });
    const secretsFile = await readFile(path.join(t.dataDir, 'secrets.json'), 'utf8');
    expect(JSON.parse(secretsFile)).toMatchObject({ entries: { oktaPrivateKey: pem } });
    const body = pem.split('\n')[1]!;
    const [accessToken] = [...t.emulator.oauth.issued.keys()];
    for (const text of [JSON.stringify(state), JSON.stringify(t.pushes), logLines.join('\n')]) {
      expect(text).not.toContain(body);
      expect(text).not.toContain(accessToken);
    }
    expect(await readFile(path.join(t.dataDir, 'okta-org.json'), 'utf8')).not.toContain(body);
    await t.call('okta.disconnect', {});
    expect(await readFile(path.join(t.dataDir, 'secrets.json'), 'utf8')).not.toContain(body);
  });

  it('takes the key as a JWK from the Admin Console, and is remembered across restarts', async () => {
    t = await startOktaCore();
    const key = makeTestKey('rsa', 'console-kid');
    const app = t.emulator.addApp({
      keys: [key.publicJwk, makeTestKey().publicJwk],
      grants: ['okta.eventHooks.read'],
    });
    const jwk = JSON.stringify({ ...key.privateKey.export({ format: 'jwk' }), kid: 'console-kid' });
    const dataDir = await makeTempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const options = { dataDir, okta: { insecureBaseUrl: t.emulator.url } };
    const first = await startTestCore(options);
    await first.call('okta.connect', {
      domain: ORG_DOMAIN,
      serviceApp: { clientId: app.clientId, privateKey: jwk, features: [] },
    });
    await first.stop();
    const second = await startTestCore(options);
    cleanup.unshift(() => second.stop());
    const state = await second.call('okta.refresh', {});
    expect(state.connection).toMatchObject({
      status: 'connected',
      auth: { kind: 'service-app', keyId: 'console-kid', scopes: ['okta.eventHooks.read'] },
    });
    expect(state.poll).toMatchObject({ state: 'stopped', error: expect.stringContaining('okta.logs.read') });
  });

  it('binds its tokens with DPoP where the app requires it', async () => {
    t = await startOktaCore();
    const { app } = await registeredApp({ requireDpop: true });
    const state = await t.connectApp({ clientId: app.clientId });
    expect(state.connection.auth).toMatchObject({ kind: 'service-app', dpop: true });
    expect(tokenRequests().length).toBe(3);
    const calls = t.emulator.requests.filter((r) => r.url.startsWith('/api/v1/'));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.headers.find(([name]) => name === 'Authorization')?.[1]).toMatch(/^DPoP /);
      expect(call.headers.some(([name]) => name === 'DPoP')).toBe(true);
    }
    const run = await t.call('okta.hooks.point', { eventTypes: ['user.session.start'] });
    expect(run.outcome).toBe('ok');
  });

  it('renews the token before it lapses, and once more when Okta refuses it', async () => {
    let now = Date.now();
    t = await startOktaCore({
      emulator: { now: () => now },
      core: { clock: { now: () => now, monotonic: () => performance.now() } },
    });
    const { app } = await registeredApp();
    await t.connectApp({ clientId: app.clientId });
    await t.call('okta.refresh', {});
    expect(tokenRequests()).toHaveLength(1);
    now += 56 * 60_000;
    await t.call('okta.refresh', {});
    expect(tokenRequests()).toHaveLength(2);
    t.emulator.oauth.issued.clear();
    expect((await t.call('okta.refresh', {})).connection.status).toBe('connected');
    expect(tokenRequests()).toHaveLength(3);
  });
});
