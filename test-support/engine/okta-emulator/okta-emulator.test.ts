import { afterEach, describe, expect, it } from 'vitest';
import { send } from '../http-client';
import { startOktaEmulator, type OktaEmulator } from './okta-emulator';

let emulator: OktaEmulator;
afterEach(() => emulator.close());

const call = async (
  path: string,
  method = 'GET',
  body?: unknown,
  auth: string | null = `SSWS ${emulator.token}`,
) => {
  const headers: [string, string][] = [['Accept', 'application/json']];
  if (auth !== null) headers.push(['Authorization', auth]);
  if (body !== undefined) headers.push(['Content-Type', 'application/json']);
  const response = await send(`${emulator.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const links = ([] as string[]).concat(response.headers.link ?? []);
  return {
    status: response.status,
    headers: response.headers,
    json: response.text ? (JSON.parse(response.text) as unknown) : null,
    links,
  };
};

const nextOf = (links: string[]) => /<([^>]+)>; rel="next"/.exec(links.join(','))?.[1] ?? null;

describe('the Okta emulator (its own fidelity)', () => {
  it('pages a polling query forever and a bounded query to its end', async () => {
    emulator = await startOktaEmulator();
    for (let i = 0; i < 3; i += 1) emulator.org.log.append({ eventType: 'user.session.start' }, Date.now());
    const since = new Date(Date.now() - 60_000).toISOString();
    const polling = await call(`/api/v1/logs?since=${since}&limit=2`);
    expect(polling.json).toHaveLength(2);
    const second = await call(nextOf(polling.links)!.slice(emulator.url.length));
    expect(second.json).toHaveLength(1);
    const third = await call(nextOf(second.links)!.slice(emulator.url.length));
    expect(third.json).toEqual([]);
    expect(nextOf(third.links)).not.toBeNull();
    const until = new Date(Date.now() + 60_000).toISOString();
    const bounded = await call(`/api/v1/logs?since=${since}&until=${until}&limit=3`);
    expect(bounded.json).toHaveLength(3);
    expect(nextOf(bounded.links)).toBeNull();
  });

  it('follows next links that carry since and after, as Okta writes them', async () => {
    emulator = await startOktaEmulator();
    for (let i = 0; i < 2; i += 1) emulator.org.log.append({ eventType: 'user.session.start' }, Date.now());
    const since = new Date(Date.now() - 60_000).toISOString();
    const first = await call(`/api/v1/logs?since=${since}&limit=1`);
    const next = new URL(nextOf(first.links)!);
    expect([next.searchParams.get('since'), next.searchParams.has('after')]).toEqual([since, true]);
    const second = await call(`${next.pathname}${next.search}`);
    expect(second).toMatchObject({ status: 200, json: [{ eventType: 'user.session.start' }] });
  });

  it("refuses bad queries in Okta's words: E0000001, E0000053 and E0000031", async () => {
    emulator = await startOktaEmulator();
    const filter = (text: string) => call(`/api/v1/logs?filter=${encodeURIComponent(text)}`);
    expect(await call('/api/v1/logs?since=yesterday')).toMatchObject({
      status: 400,
      json: { errorCode: 'E0000001' },
    });
    expect(await filter('eventType eq')).toMatchObject({
      status: 400,
      json: { errorCode: 'E0000053', errorLink: 'E0000053' },
    });
    expect(await filter('eventTyp eq "user.session.start"')).toMatchObject({
      status: 400,
      json: { errorCode: 'E0000053', errorSummary: 'field is not valid: eventTyp' },
    });
    expect((await filter('published gt "2026"')).status).toBe(400);
    for (const field of ['debugContext.debugData.url', 'debugContext.debugData.requestUri']) {
      expect(await filter(`${field} co "/oauth/"`)).toMatchObject({
        status: 400,
        json: {
          errorCode: 'E0000031',
          errorSummary: expect.stringContaining(`Operator: co, Field: ${field}`),
        },
      });
    }
    const ok = await filter(
      '(eventType sw "user" and not outcome.result eq "FAILURE") or target.id pr or debugContext.debugData.targetEventHookIds co "who"',
    );
    expect(ok.status).toBe(200);
  });

  it('answers 403 E0000005 without an Authorization header, 401 E0000011 for a bad token, 405 E0000022 for a wrong method', async () => {
    emulator = await startOktaEmulator();
    expect(await call('/api/v1/eventHooks', 'GET', undefined, null)).toMatchObject({
      status: 403,
      json: { errorCode: 'E0000005', errorSummary: 'Invalid session' },
    });
    expect(await call('/api/v1/eventHooks', 'GET', undefined, 'SSWS 00nope')).toMatchObject({
      status: 401,
      json: { errorCode: 'E0000011' },
    });
    for (const [path, method] of [
      ['/api/v1/eventHooks', 'PATCH'],
      ['/api/v1/logs', 'POST'],
      ['/api/v1/eventHooks/who1/lifecycle/verify', 'GET'],
      ['/oauth2/v1/token', 'GET'],
    ] as const) {
      expect(await call(path, method)).toMatchObject({ status: 405, json: { errorCode: 'E0000022' } });
    }
  });

  it('validates hooks as the Management API does: https only, eligible types, no secret returned', async () => {
    emulator = await startOktaEmulator();
    const invalid = await call('/api/v1/eventHooks', 'POST', {
      name: '',
      events: { type: 'EVENT_TYPE', items: ['user.session.start', 'event_hook.delivery'] },
      channel: { type: 'HTTP', version: '1.0.0', config: { uri: 'http://127.0.0.1:8787/okta/event-hook' } },
    });
    expect(invalid).toMatchObject({ status: 400, json: { errorCode: 'E0000001' } });
    const causes = (invalid.json as { errorCauses: { errorSummary: string }[] }).errorCauses;
    expect(causes.map((c) => c.errorSummary)).toEqual([
      'name: The field cannot be left blank',
      'events.items: event_hook.delivery is not an event type eligible for event hooks',
      'channel.config.uri: must be a valid HTTPS URL',
    ]);
    const created = await call('/api/v1/eventHooks', 'POST', {
      name: 'h',
      events: { type: 'EVENT_TYPE', items: ['user.session.start'] },
      channel: {
        type: 'HTTP',
        version: '1.0.0',
        config: {
          uri: 'https://example.com/h',
          authScheme: { type: 'HEADER', key: 'X-Hook-Key', value: 's3cret-value' },
        },
      },
    });
    expect(created.json).toMatchObject({
      channel: { config: { authScheme: { type: 'HEADER', key: 'x-hook-key' } } },
    });
    expect(JSON.stringify(created.json)).not.toContain('s3cret-value');
    expect(JSON.stringify((await call('/api/v1/eventHooks')).json)).not.toContain('s3cret-value');
  });

  it('deletes only INACTIVE hooks', async () => {
    emulator = await startOktaEmulator();
    const hook = emulator.org.addHook({
      name: 'h',
      uri: 'https://example.com/h',
      eventTypes: ['user.session.start'],
    });
    expect((await call(`/api/v1/eventHooks/${hook.id}`, 'DELETE')).status).toBe(400);
    await call(`/api/v1/eventHooks/${hook.id}/lifecycle/deactivate`, 'POST');
    expect((await call(`/api/v1/eventHooks/${hook.id}`, 'DELETE')).status).toBe(204);
    expect(await call(`/api/v1/eventHooks/${hook.id}`)).toMatchObject({
      status: 404,
      json: { errorCode: 'E0000007' },
    });
  });

  it('keeps at most 25 event hooks ACTIVE and VERIFIED', async () => {
    emulator = await startOktaEmulator();
    const seed = { uri: 'https://example.com/h', eventTypes: ['user.session.start'] };
    for (let i = 0; i < 25; i += 1)
      emulator.org.addHook({ ...seed, name: `live ${i}`, verificationStatus: 'VERIFIED' });
    const waiting = emulator.org.addHook({
      ...seed,
      name: 'one more',
      status: 'INACTIVE',
      verificationStatus: 'VERIFIED',
    });
    const refused = await call(`/api/v1/eventHooks/${waiting.id}/lifecycle/activate`, 'POST');
    expect(refused).toMatchObject({ status: 400, json: { errorCode: 'E0000001' } });
    expect(emulator.org.hooks.get(waiting.id)?.status).toBe('INACTIVE');
    const [first] = [...emulator.org.hooks.values()];
    await call(`/api/v1/eventHooks/${first!.id}/lifecycle/deactivate`, 'POST');
    expect(await call(`/api/v1/eventHooks/${waiting.id}/lifecycle/activate`, 'POST')).toMatchObject({
      status: 200,
      json: { status: 'ACTIVE' },
    });
  });
});
