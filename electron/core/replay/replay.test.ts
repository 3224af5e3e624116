import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { deliver } from '../../../test-support/engine/http-client';
import { collect, openRaw } from '../../../test-support/engine/raw-socket';
import { payloadText } from '../../../test-support/engine/payloads';
import { answer, startTarget, type TargetServer } from '../../../test-support/engine/target-server';
import { waitFor } from '../../../test-support/engine/wait-for';

const SECRET = 'Basic b2t0YS1ob29rOnMzY3IzdC1kZXYtb25seQ==';

let t: TestCore;
let target: TargetServer | undefined;
afterEach(async () => {
  await t?.stop();
  await target?.close();
  target = undefined;
});

const get = (id: string, revealSecrets = true) => t.call('exchanges.get', { id, revealSecrets });
const replay = (input: Record<string, unknown>) => t.call('replay.run', input);

/** Capture one delivery and return its id. */
async function captured(body = payloadText('01-user-session-start.json')): Promise<string> {
  await deliver(t.hookUrl, body, [
    ['Authorization', SECRET],
    ['X-Order', 'a'],
    ['x-order', 'b'],
  ]);
  const { items } = await t.call('exchanges.list', { limit: 1 });
  return items[0]!.id;
}

/** The captured headers with Host set to the target's: all a replay as captured may change. */
const retargeted = (headers: [string, string][], url: string) =>
  headers.flatMap(([name, value]) => [name, name.toLowerCase() === 'host' ? new URL(url).host : value]);

describe('replay.run', () => {
  it('adds nothing to a request captured without a Connection header, as curl sends it', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    target = await startTarget(answer(204));
    const body = payloadText('01-user-session-start.json');
    const socket = await openRaw(Number(new URL(t.hookUrl).port));
    socket.write(
      `POST /okta/event-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n` +
        `Authorization: ${SECRET}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect((await collect(socket, { responses: 1 })).statuses).toEqual([204]);
    const { items } = await t.call('exchanges.list', { limit: 1 });
    const original = await get(items[0]!.id);
    await replay({ id: original.id, target: target.url });
    expect(target.seen[0]!.rawHeaders).toEqual(retargeted(original.request.headers, target.url));
    expect(target.seen[0]!.rawHeaders.map((name) => name.toLowerCase())).not.toContain('connection');
  });

  it('reproduces the captured request at the target byte for byte, as a linked exchange', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    target = await startTarget(answer(204));
    const original = await get(await captured());
    const { exchangeIds } = await replay({ id: original.id, target: target.url });
    const seen = target.seen[0]!;
    expect(seen.body.toString('utf8')).toBe(original.request.body.text);
    expect(seen.rawHeaders).toEqual(retargeted(original.request.headers, target.url));
    const copy = await get(exchangeIds[0]!);
    expect(copy).toMatchObject({
      origin: 'replay',
      replayOf: original.id,
      kind: 'delivery',
      response: { status: 204 },
    });
    expect(copy.forward?.url).toBe(target.url);
  });

  it('applies exactly the edits, and keeps a masked credential the UI could not see', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    target = await startTarget(answer(200));
    const id = await captured();
    const masked = await get(id, false);
    const headers = masked.request.headers.map(([n, v]): [string, string] =>
      n === 'X-Order' ? [n, 'edited'] : [n, v],
    );
    await replay({
      id,
      target: target.url,
      edits: { method: 'PUT', path: '/other?z=9', headers, body: '{"edited":true}' },
    });
    const seen = target.seen[0]!;
    expect(seen.method).toBe('PUT');
    expect(seen.url).toBe('/other?z=9');
    expect(seen.body.toString()).toBe('{"edited":true}');
    const pairs = (raw: string[]) => raw.flatMap((v, i) => (i % 2 === 0 ? [[v, raw[i + 1]]] : []));
    expect(pairs(seen.rawHeaders)).toContainEqual(['Authorization', SECRET]);
    expect(pairs(seen.rawHeaders)).toContainEqual(['X-Order', 'edited']);
    expect(pairs(seen.rawHeaders)).toContainEqual(['x-order', 'b']);
    expect(pairs(seen.rawHeaders)).toContainEqual(['Content-Length', '15']);
  });

  it('replays through the receiver again, recorded and answered like a delivery', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    const id = await captured();
    const { exchangeIds } = await replay({ id, target: 'receiver', repeat: 2 });
    expect(exchangeIds).toHaveLength(2);
    for (const replayId of exchangeIds) {
      expect(await get(replayId)).toMatchObject({
        origin: 'replay',
        replayOf: id,
        auth: { result: 'ok' },
        response: { status: 204 },
      });
    }
  });

  it('sends a selection in published order when asked', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    target = await startTarget(answer(204));
    const late = await captured(payloadText('03-outcome-failure-user-session-start.json'));
    const early = await captured(payloadText('01-user-session-start.json'));
    await replay({ ids: [late, early], target: target.url, order: 'published' });
    expect(target.seen.map((s) => (JSON.parse(s.body.toString()) as { eventId: string }).eventId)).toEqual([
      '4f9b2c71-8d3e-4a6b-b1c5-2e7f9a0d6c38',
      'e27a5c90-3f18-4d6b-a9c2-7b41f0e8d356',
    ]);
    target.seen.length = 0;
    await replay({ ids: [early, late], target: target.url, order: 'received' });
    expect((JSON.parse(target.seen[0]!.body.toString()) as { eventId: string }).eventId).toBe(
      'e27a5c90-3f18-4d6b-a9c2-7b41f0e8d356',
    );
  });

  it('sends every exchange matching a search, except the ones taken out, and refuses more than it can', async () => {
    t = await startTestCore({ overrides: { secret: SECRET } });
    target = await startTarget(answer(204));
    const failure = await captured(payloadText('03-outcome-failure-user-session-start.json'));
    const first = await captured();
    const second = await captured();
    const { exchangeIds } = await replay({
      query: 'type:user.session.start',
      except: [second],
      target: target.url,
    });
    expect(exchangeIds).toHaveLength(2);
    expect((await get(exchangeIds[0]!)).replayOf).toBe(failure);
    expect((await get(exchangeIds[1]!)).replayOf).toBe(first);
    expect(await t.core.dispatch('replay.run', { ids: [first], except: [second] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it.each([
    ['a 500: one retry', answer(500), 2],
    ['a 400: no retry', answer(400), 1],
    ['a 204: no retry', answer(204), 1],
    ['an answer after 3 s: one retry', answer(204, '', {}, 3300), 2],
  ])('retries as Okta would after %s', async (_case, behaviour, attempts) => {
    t = await startTestCore();
    target = await startTarget(behaviour);
    const id = await captured();
    const { exchangeIds } = await replay({ id, target: target.url, asOkta: true });
    expect(exchangeIds).toHaveLength(attempts);
    expect(target.seen).toHaveLength(attempts);
  });

  it('runs a replay of many requests as a job that follows progress and can be cancelled', async () => {
    t = await startTestCore();
    // Each request is held until the test lets it through, so the cancel lands mid-replay.
    let release: () => void = () => undefined;
    target = await startTarget(async (_request, response) => {
      await new Promise<void>((resolve) => (release = resolve));
      response.writeHead(204).end();
    });
    const id = await captured();
    const jobs = () => t.pushes.flatMap((push) => (push.name === 'jobs.changed' ? [push.payload] : []));
    const running = replay({ id, target: target.url, repeat: 50 });
    const started = await waitFor(() => jobs().find((job) => job.kind === 'replay'));
    expect(started).toMatchObject({ state: 'running', total: 50, title: expect.stringMatching(/× 50/) });
    await waitFor(() => (target!.seen.length === 2 ? true : (release(), undefined)));
    expect(await t.call('jobs.cancel', { id: started.id })).toEqual({ cancelled: true });
    release();
    const { exchangeIds } = await running;
    expect(exchangeIds).toHaveLength(2);
    expect(target.seen).toHaveLength(2);
    const ended = await waitFor(() => jobs().find((job) => job.id === started.id && job.state !== 'running'));
    expect(ended).toMatchObject({ state: 'cancelled', message: 'Replay cancelled: 2 requests sent.' });
  });

  it('answers one request without a job', async () => {
    t = await startTestCore();
    target = await startTarget(answer(204));
    await replay({ id: await captured(), target: target.url });
    expect(t.pushes.some((push) => push.name === 'jobs.changed')).toBe(false);
  });

  it('fails clearly for an unknown exchange or a missing forward target', async () => {
    t = await startTestCore();
    expect(await t.core.dispatch('replay.run', { id: 'nope', target: 'receiver' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const id = await captured();
    expect(await t.core.dispatch('replay.run', { id, target: 'forward' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/No forward target is set/) },
    });
    expect(await t.core.dispatch('replay.run', { ids: [id], edits: { body: '{}' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});
