import { afterEach, describe, expect, it } from 'vitest';
import { send } from '../http-client';
import { startOktaEmulator, type OktaEmulator } from './okta-emulator';
import { clientAssertion, dpopProof, makeTestKey, type TestKey } from './test-signer';

const ORG = 'https://dev-000000.okta.com';
const TOKEN_URL = `${ORG}/oauth2/v1/token`;

let emulator: OktaEmulator;
afterEach(() => emulator.close());

async function tokenRequest(form: Record<string, string>, dpop?: string) {
  const headers: [string, string][] = [['Content-Type', 'application/x-www-form-urlencoded']];
  if (dpop) headers.push(['DPoP', dpop]);
  const response = await send(`${emulator.url}/oauth2/v1/token`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(form).toString(),
  });
  return {
    status: response.status,
    json: JSON.parse(response.text) as Record<string, string>,
    headers: response.headers,
  };
}

const credentials = (assertion: string, scope = 'okta.eventHooks.manage okta.logs.read') => ({
  grant_type: 'client_credentials',
  scope,
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  client_assertion: assertion,
});

async function api(path: string, authorization: string, dpop?: string) {
  const headers: [string, string][] = [['Authorization', authorization]];
  if (dpop) headers.push(['DPoP', dpop]);
  const response = await send(`${emulator.url}${path}`, { headers });
  return { status: response.status, text: response.text, challenge: response.headers['www-authenticate'] };
}

describe('the emulated org authorization server', () => {
  let key: TestKey;
  let clientId: string;
  const start = async (app: Parameters<OktaEmulator['addApp']>[0] = {}) => {
    emulator = await startOktaEmulator();
    key = makeTestKey();
    clientId = emulator.addApp({ keys: [key.publicJwk], ...app }).clientId;
  };

  it('mints an access token for a signed assertion, with the scopes the app was granted', async () => {
    await start({ grants: ['okta.eventHooks.read', 'okta.logs.read'] });
    const answer = await tokenRequest(credentials(clientAssertion(key, clientId, TOKEN_URL)));
    expect(answer).toMatchObject({
      status: 200,
      json: { token_type: 'Bearer', expires_in: 3600, scope: 'okta.logs.read' },
    });
    const token = answer.json.access_token!;
    expect((await api('/api/v1/logs', `Bearer ${token}`)).status).toBe(200);
    const refused = await api('/api/v1/eventHooks', `Bearer ${token}`);
    expect(refused.status).toBe(403);
    expect(refused.challenge).toContain('scope="okta.eventHooks.read", error="insufficient_scope"');
  });

  it("refuses assertions in Okta's words", async () => {
    await start();
    const stranger = makeTestKey('rsa', 'unregistered');
    const nowS = Math.floor(Date.now() / 1000);
    const cases: [string, string][] = [
      [
        clientAssertion(key, 'nobody', TOKEN_URL),
        'The issuer claim for client_assertion is not a valid client_id.',
      ],
      [
        clientAssertion(key, clientId, `${ORG}/oauth2/default/v1/token`),
        'The audience claim for client_assertion must be the endpoint invoked for the request.',
      ],
      [clientAssertion(key, clientId, TOKEN_URL, nowS - 600), 'The client_assertion token is expired.'],
      [
        clientAssertion(key, clientId, TOKEN_URL, nowS + 600),
        'The client_assertion token must be issued before the current time.',
      ],
      [
        clientAssertion(key, clientId, TOKEN_URL, nowS, { exp: nowS + 7200 }),
        'The client_assertion token has an expiration too far into the future.',
      ],
      [clientAssertion(stranger, clientId, TOKEN_URL), 'The client_assertion JWT kid is invalid.'],
      [
        clientAssertion({ ...stranger, publicJwk: key.publicJwk }, clientId, TOKEN_URL),
        'The client_assertion signature is invalid.',
      ],
      ['not.a.jwt', 'The parsing of the client_assertion failed.'],
    ];
    for (const [assertion, description] of cases) {
      expect(await tokenRequest(credentials(assertion))).toMatchObject({
        status: 401,
        json: { error: 'invalid_client', error_description: description },
      });
    }
    const once = clientAssertion(key, clientId, TOKEN_URL);
    expect((await tokenRequest(credentials(once))).status).toBe(200);
    expect((await tokenRequest(credentials(once))).json.error_description).toBe(
      'The client_assertion token has already been used.',
    );
  });

  it('grants nothing the app was not granted', async () => {
    await start({ grants: ['okta.eventHooks.read'] });
    expect(
      await tokenRequest(credentials(clientAssertion(key, clientId, TOKEN_URL), 'okta.eventHooks.manage')),
    ).toMatchObject({
      status: 400,
      json: {
        error: 'consent_required',
        error_description: 'You are not allowed any of the requested scopes.',
      },
    });
    expect((await tokenRequest(credentials(clientAssertion(key, clientId, TOKEN_URL), ''))).json.error).toBe(
      'invalid_scope',
    );
  });

  it('requires DPoP where the app does: the header, then its nonce, then a proof per API call', async () => {
    await start({ requireDpop: true });
    const dpopKey = makeTestKey('ec');
    const form = () => credentials(clientAssertion(key, clientId, TOKEN_URL));
    expect(await tokenRequest(form())).toMatchObject({
      status: 400,
      json: { error: 'invalid_dpop_proof', error_description: 'The DPoP proof JWT header is missing.' },
    });
    const noNonce = await tokenRequest(form(), dpopProof(dpopKey, 'POST', TOKEN_URL));
    expect(noNonce).toMatchObject({ status: 400, json: { error: 'use_dpop_nonce' } });
    const nonce = noNonce.headers['dpop-nonce'] as string;
    const granted = await tokenRequest(form(), dpopProof(dpopKey, 'POST', TOKEN_URL, { nonce }));
    expect(granted).toMatchObject({ status: 200, json: { token_type: 'DPoP' } });
    const token = granted.json.access_token!;
    const htu = `${ORG}/api/v1/eventHooks`;
    expect(
      (
        await api(
          '/api/v1/eventHooks',
          `DPoP ${token}`,
          dpopProof(dpopKey, 'GET', htu, { accessToken: token }),
        )
      ).status,
    ).toBe(200);
    expect(await api('/api/v1/eventHooks', `Bearer ${token}`)).toMatchObject({
      status: 401,
      challenge: expect.stringContaining('must use the DPoP authentication scheme'),
    });
    const wrongHash = await api(
      '/api/v1/eventHooks',
      `DPoP ${token}`,
      dpopProof(dpopKey, 'GET', htu, { accessToken: 'other' }),
    );
    expect(wrongHash).toMatchObject({ status: 401, challenge: expect.stringContaining("'ath' claim") });
    const otherKey = await api(
      '/api/v1/eventHooks',
      `DPoP ${token}`,
      dpopProof(makeTestKey('ec'), 'GET', htu, { accessToken: token }),
    );
    expect(otherKey.challenge).toContain('The access_token is not bound to the provided DPoP proof.');
  });
});
