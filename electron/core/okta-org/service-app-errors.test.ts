import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestKey } from '../../../test-support/engine/okta-emulator/test-signer';
import {
  ORG_DOMAIN,
  startOktaCore,
  type OktaTestCore,
  type ServiceAppInput,
} from '../../../test-support/engine/okta-fixture';

let t: OktaTestCore;
afterEach(() => t.stop());

const MINUTE = 60_000;

const connect = (app: ServiceAppInput) =>
  t.core.dispatch('okta.connect', {
    domain: ORG_DOMAIN,
    serviceApp: { features: ['manage-hooks', 'system-log'], ...app },
  });

const messageOf = (result: Awaited<ReturnType<typeof connect>>) => (result.ok ? '' : result.error.message);

async function generatedKey(): Promise<JsonWebKey> {
  const pending = await t.call('okta.keys.generate', {});
  return JSON.parse(pending.publicJwk) as JsonWebKey;
}

describe('service app errors, in Okta’s terms', () => {
  it('names the key Okta does not know, and the client it has never heard of', async () => {
    t = await startOktaCore();
    const registered = makeTestKey();
    const app = t.emulator.addApp({ keys: [registered.publicJwk] });
    const jwk = await generatedKey();
    const unknownKey = await connect({ clientId: app.clientId });
    expect(unknownKey).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(messageOf(unknownKey)).toContain('The client_assertion JWT kid is invalid.');
    expect(messageOf(unknownKey)).toContain(`Register its public key (kid ${String(jwk.kid)})`);
    const stranger = await connect({ clientId: '0oaNobodyKnowsMe000' });
    expect(messageOf(stranger)).toMatch(/no service app with client ID 0oaNobodyKnowsMe000/);
    expect((await t.state()).connection.status).toBe('not-connected');
  });

  it.each([
    ['behind', 10 * MINUTE, /clock is 10 min behind Okta's/],
    ['ahead of', -10 * MINUTE, /clock is 10 min ahead of Okta's/],
  ])("says when this computer's clock is %s Okta's", async (_, oktaAhead, message) => {
    t = await startOktaCore({ emulator: { now: () => Date.now() + oktaAhead } });
    t.emulator.addApp({ clientId: '0oaClockSkew', keys: [await generatedKey()] });
    const result = await connect({ clientId: '0oaClockSkew' });
    expect(messageOf(result)).toMatch(message);
  });

  it('tells a read-only app that pointing hooks here needs okta.eventHooks.manage', async () => {
    t = await startOktaCore();
    const grants = ['okta.eventHooks.read', 'okta.logs.read'];
    t.emulator.addApp({ clientId: '0oaReadOnly', keys: [await generatedKey()], grants });
    const refused = await connect({ clientId: '0oaReadOnly' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(messageOf(refused)).toMatch(
      /^This needs okta\.eventHooks\.manage, which the service app has not been granted/,
    );
    await t.connectApp({ clientId: '0oaReadOnly', features: ['system-log'] });
    const run = await t.call('okta.hooks.point', { eventTypes: ['user.session.start'] });
    expect(run).toMatchObject({
      outcome: 'failed',
      steps: [{ name: 'create', state: 'failed', status: 403 }],
    });
    expect(run.steps[0]?.answer).toMatch(
      /^This needs okta\.eventHooks\.manage, which the service app's access token does not carry/,
    );
  });

  it("says when the app's admin role lacks the permission although the scope is granted", async () => {
    t = await startOktaCore();
    t.emulator.addApp({ clientId: '0oaNoRole', keys: [await generatedKey()], role: 'none' });
    const result = await connect({ clientId: '0oaNoRole' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(messageOf(result)).toMatch(/E0000006.*admin role.*okta\.eventHooks\.read/);
  });

  it('refuses keys it cannot sign with, before calling Okta', async () => {
    t = await startOktaCore();
    const rsa = makeTestKey();
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const cases: [string | undefined, RegExp][] = [
      [undefined, /generate a key pair here first/],
      [JSON.stringify(rsa.publicJwk), /public key/],
      ['-----BEGIN ENCRYPTED PRIVATE KEY-----\nabc\n-----END ENCRYPTED PRIVATE KEY-----', /encrypted/],
      ['not a key at all', /PEM .* or as a JWK/],
      [ed, /RSA or EC/],
    ];
    for (const [privateKey, message] of cases) {
      const result = await connect({ clientId: '0oaWhatever', ...(privateKey ? { privateKey } : {}) });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message } });
    }
    expect(await connect({ clientId: 'has spaces' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(t.emulator.requests).toHaveLength(0);
  });
});
