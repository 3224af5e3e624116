import { afterEach, describe, expect, it } from 'vitest';
import { send } from '../http-client';
import { startOktaEmulator, type OktaEmulator } from './okta-emulator';

let emulator: OktaEmulator;
afterEach(() => emulator.close());

const call = async (path: string, method = 'GET', body?: unknown) => {
  const headers: [string, string][] = [
    ['Authorization', `SSWS ${emulator.token}`],
    ['Accept', 'application/json'],
  ];
  if (body !== undefined) headers.push(['Content-Type', 'application/json']);
  const response = await send(`${emulator.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const links = ([] as string[]).concat(response.headers.link ?? []);
  return {
    status: response.status,
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

  it('answers bad queries like Okta: E0000001, E0000053, and no filter on published', async () => {
    emulator = await startOktaEmulator();
    const both = await call('/api/v1/logs?since=2026-01-01T00:00:00Z&after=abc');
    expect(both).toMatchObject({ status: 400, json: { errorCode: 'E0000001' } });
    const broken = await call(`/api/v1/logs?filter=${encodeURIComponent('eventType eq')}`);
    expect(broken).toMatchObject({ status: 400, json: { errorCode: 'E0000053', errorLink: 'E0000053' } });
    const published = await call(`/api/v1/logs?filter=${encodeURIComponent('published gt "2026"')}`);
    expect(published.status).toBe(400);
    const ok = await call(
      `/api/v1/logs?filter=${encodeURIComponent('(eventType sw "user" and not outcome.result eq "FAILURE") or target.id pr')}`,
    );
    expect(ok.status).toBe(200);
  });

  it('validates hooks as the Management API does, and deletes only INACTIVE ones', async () => {
    emulator = await startOktaEmulator();
    const invalid = await call('/api/v1/eventHooks', 'POST', {
      name: '',
      events: { type: 'EVENT_TYPE', items: ['user.session.start', 'event_hook.delivery'] },
      channel: { type: 'HTTP', version: '1.0.0', config: { uri: 'http://example.com/h' } },
    });
    expect(invalid).toMatchObject({ status: 400, json: { errorCode: 'E0000001' } });
    const causes = (invalid.json as { errorCauses: { errorSummary: string }[] }).errorCauses;
    expect(causes.map((c) => c.errorSummary)).toEqual([
      'name: The field cannot be left blank',
      'events.items: event_hook.delivery is not an event type eligible for event hooks',
      'channel.config.uri: must be a valid HTTPS URL',
    ]);
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
});
