import type { JsonWebKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../shared/contract/commands';
import type { InlineRequestType } from '../../../shared/model/inline';
import type { OktaFeature } from '../../../shared/okta/service-app-scopes';
import { INLINE_TYPES, inlineType } from '../../../shared/okta/inline/catalog';
import { HOOK_SECRET, startOktaCore, type OktaTestCore } from '../../../test-support/engine/okta-fixture';
import { answer, startTarget, type TargetServer } from '../../../test-support/engine/target-server';

let t: OktaTestCore;
let handler: TargetServer | undefined;
afterEach(async () => {
  await t?.stop();
  await handler?.close();
  handler = undefined;
});

const point = (input: CommandInput<'okta.inlineHooks.point'>) => t.call('okta.inlineHooks.point', input);
const preview = (input: CommandInput<'okta.inlineHooks.preview'>) =>
  t.call('okta.inlineHooks.preview', input);

describe('inline hooks in the org', () => {
  it.each(INLINE_TYPES.map((info) => info.type))(
    '%s: create → execute → Okta accepts the template answer, beside the captured call',
    async (type: InlineRequestType) => {
      t = await startOktaCore();
      await t.connect();
      const { hook } = inlineType(type);
      const created = await point({ hook });
      expect(created).toMatchObject({
        status: 'ACTIVE',
        pointsHere: true,
        hook,
        authHeader: 'Authorization',
      });
      const stored = t.emulator.org.inlineHooks.get(created.id)!;
      expect(stored).toMatchObject({
        uri: `${t.publicBase}/okta/inline/${hook}`,
        auth: { key: 'Authorization', value: HOOK_SECRET },
        type: inlineType(type).eventType,
      });
      const result = await preview({ hookId: created.id, type });
      expect(result.okta).toMatchObject({ status: 200, summary: "Okta accepted the hook's answer." });
      expect(result.inspector).toMatchObject({ outcome: 'applied', findings: [] });
      const exchange = await t.call('exchanges.get', { id: result.exchangeId! });
      expect(exchange).toMatchObject({ kind: 'inline', origin: 'live', auth: { result: 'ok' } });
      expect(exchange.inline?.request.type).toBe(type);
      expect(JSON.parse(result.okta.body ?? '')).toEqual(JSON.parse(exchange.response.body.text ?? ''));
    },
  );

  it("Okta refuses a handler's invalid answer, and the inspector said why beside it", async () => {
    t = await startOktaCore();
    await t.connect();
    const bad = {
      commands: [
        { type: 'com.okta.identity.patch', value: [{ op: 'remove', path: '/claims/email', value: 'x' }] },
      ],
    };
    handler = await startTarget(
      answer(200, JSON.stringify(bad), { 'Content-Type': 'application/json' }),
      '/token',
    );
    await t.call('inline.configure', { types: { token: { mode: 'forward', forwardUrl: handler.url } } });
    const { id } = await point({ hook: 'token' });
    const result = await preview({ hookId: id });
    expect(result.okta.status).toBe(400);
    expect(result.okta.causes.join()).toMatch(/Value must be null for remove operation/);
    expect(result.inspector?.summary).toBe(
      'Okta issues the tokens without your patch: `remove` may not carry a value',
    );
  });

  it('a failing handler is called again once, as Okta retries; both calls are captured', async () => {
    t = await startOktaCore();
    await t.connect();
    handler = await startTarget(answer(503, 'busy'), '/saml');
    await t.call('inline.configure', { types: { saml: { mode: 'forward', forwardUrl: handler.url } } });
    const { id } = await point({ hook: 'saml' });
    const result = await preview({ hookId: id });
    expect(result.okta.summary).toMatch(/^Okta refused/);
    expect(handler.seen).toHaveLength(2);
    expect(t.emulator.org.executions.at(-1)?.attempts.map((a) => a.status)).toEqual([503, 503]);
    expect(result.inspector?.outcome).toBe('failed');
  });

  it('updates a hook to the current URL, deactivates and deletes it; lists which point here', async () => {
    t = await startOktaCore();
    await t.connect();
    const other = t.emulator.org;
    const { id } = await point({ hook: 'telephony', name: 'SMS through the inspector' });
    other.inlineHooks.set(id, { ...other.inlineHooks.get(id)!, uri: 'https://old.example.com/x' });
    let state = await t.call('okta.inlineHooks.list', {});
    expect(state.hooks.find((h) => h.id === id)?.pointsHere).toBe(false);
    await point({ hook: 'telephony', hookId: id });
    state = await t.call('okta.inlineHooks.list', {});
    expect(state.hooks.find((h) => h.id === id)).toMatchObject({
      pointsHere: true,
      name: 'Okta Hook Inspector: Telephony',
    });
    state = await t.call('okta.inlineHooks.lifecycle', { hookId: id, action: 'delete' });
    expect(state.hooks).toEqual([]);
    expect(other.inlineHooks.size).toBe(0);
  });

  it('the emulated org takes https hook URLs only', async () => {
    t = await startOktaCore();
    const response = await fetch(`${t.emulator.url}/api/v1/inlineHooks`, {
      method: 'POST',
      headers: {
        Authorization: `SSWS ${t.emulator.token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify({
        name: 'plain http',
        type: 'com.okta.oauth2.tokens.transform',
        version: '1.0.0',
        channel: {
          type: 'HTTP',
          version: '1.0.0',
          config: { uri: 'http://example.com/hook', method: 'POST' },
        },
      }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('must be a valid HTTPS URL');
  });
});

describe('inline hooks through a service app', () => {
  /** What an admin does in the Admin Console: an API Services app with the inspector's public key. */
  async function connectApp(clientId: string, grants: string[], features: OktaFeature[]) {
    await t.call('okta.disconnect', {});
    const pending = await t.call('okta.keys.generate', {});
    t.emulator.addApp({ clientId, grants, keys: [JSON.parse(pending.publicJwk) as JsonWebKey] });
    await t.connectApp({ clientId, features });
  }

  it('manages and previews them with the inline hooks scope, and names that scope when it is missing', async () => {
    t = await startOktaCore();
    await connectApp(
      '0oaInlineApp',
      ['okta.eventHooks.manage', 'okta.inlineHooks.manage'],
      ['manage-hooks', 'inline-hooks'],
    );
    const { id } = await point({ hook: 'registration' });
    const result = await preview({ hookId: id, type: 'progressive-profile' });
    expect(result.okta.status).toBe(200);
    expect(result.inspector?.outcome).toBe('applied');

    await connectApp('0oaEventsOnly', ['okta.eventHooks.manage'], ['manage-hooks']);
    await expect(point({ hook: 'token' })).rejects.toThrow(/okta\.inlineHooks\.manage/);
  });
});
