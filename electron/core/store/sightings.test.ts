import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthResult, OktaDecoded } from '../../../shared/model/exchange';
import { decodeEvent } from '../../../shared/okta/log-event';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { draft, openStore, type OpenedStore } from '../../../test-support/engine/store-fixture';

/** Okta delivers at least once, not always in order: what the store says about each delivery. */
const dirs: string[] = [];
const opened: OpenedStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ store }) => store.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function open(dir?: string) {
  const folder = dir ?? (await makeTempDir('ohi-sightings-'));
  if (!dir) dirs.push(folder);
  const store = await openStore(folder);
  opened.push(store);
  return { ...store, dir: folder };
}

/** Store it, then read it back as indexed: with what was judged of it. */
const stored = async (store: OpenedStore['store'], exchange: ReturnType<typeof delivery>) =>
  (await store.get((await store.append(exchange)).id))!;

let n = 0;
function delivery(
  eventId: string,
  events: [uuid: string, published: string][],
  options: { hookId?: string; auth?: AuthResult } = {},
) {
  const okta: OktaDecoded = {
    eventId,
    hookId: options.hookId ?? 'whoA',
    events: events.map(([uuid, published]) =>
      decodeEvent({ uuid, published, eventType: 'user.session.start' }),
    ),
  };
  n += 1;
  return { ...draft(n), id: `x${n}`, okta, auth: { result: options.auth ?? 'ok', header: 'Authorization' } };
}

describe('redeliveries, repeated events and order', () => {
  it('links a redelivered eventId to its first sighting, also after a restart', async () => {
    const { store, dir } = await open();
    const first = await stored(store, delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    const again = await stored(store, delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    expect(again.sightings).toEqual({ repeatOf: first.id, repeatedEvents: [], outOfOrder: [] });
    await store.close();
    opened.splice(0);
    const reopened = await open(dir);
    const later = await stored(reopened.store, delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    expect(later.sightings?.repeatOf).toBe(first.id);
    expect((await reopened.store.list({ limit: 5, query: 'is:redelivery' })).total).toBe(2);
  });

  it('links an event repeated in another batch, also when both are stored at once', async () => {
    const { store } = await open();
    const [first, second] = await Promise.all([
      stored(store, delivery('e1', [['u1', '2026-01-01T00:00:01Z']])),
      stored(
        store,
        delivery('e2', [
          ['u2', '2026-01-01T00:00:02Z'],
          ['u1', '2026-01-01T00:00:01Z'],
        ]),
      ),
    ]);
    expect(second?.sightings?.repeatedEvents).toEqual([{ uuid: 'u1', firstExchangeId: first?.id }]);
    expect((await store.list({ limit: 5, query: 'is:dup' })).items.map((s) => s.id)).toEqual([second?.id]);
  });

  it('flags events published before one already received from the same hook only', async () => {
    const { store } = await open();
    await stored(store, delivery('e1', [['u2', '2026-01-01T00:00:05Z']]));
    const late = await stored(
      store,
      delivery('e2', [
        ['u1', '2026-01-01T00:00:03Z'],
        ['u3', '2026-01-01T00:00:06Z'],
      ]),
    );
    expect(late.sightings?.outOfOrder).toEqual(['u1']);
    const otherHook = await stored(
      store,
      delivery('e3', [['u9', '2026-01-01T00:00:01Z']], { hookId: 'whoB' }),
    );
    expect(otherHook.sightings?.outOfOrder).toEqual([]);
  });

  it('never lets a request that failed the secret check make real deliveries repeats or late', async () => {
    const { store } = await open();
    const refused = await stored(
      store,
      delivery('e1', [['u1', '2999-01-01T00:00:00Z']], { auth: 'mismatch' }),
    );
    expect(refused.sightings).toBeUndefined();
    const real = await stored(store, delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    expect(real.sightings).toEqual({ repeatedEvents: [], outOfOrder: [] });
  });

  it('still recognises a redelivery of an exchange that was deleted', async () => {
    const { store } = await open();
    const first = await stored(store, delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    await store.delete(await store.select({ ids: [first.id] }));
    const again = await stored(store, delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    expect(again.sightings?.repeatOf).toBe(first.id);
  });

  it('forgets everything on Clear', async () => {
    const { store } = await open();
    await stored(store, delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    await store.clear();
    expect((await stored(store, delivery('e1', [['u1', '2026-01-01T00:00:01Z']]))).sightings).toEqual({
      repeatedEvents: [],
      outOfOrder: [],
    });
  });
});
