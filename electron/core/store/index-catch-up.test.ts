import { appendFile, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { waitFor } from '../../../test-support/engine/wait-for';
import { draft, openStore, type OpenedStore } from '../../../test-support/engine/store-fixture';
import { silentLogger } from '../deps';
import { historyPaths } from './history';
import { IndexService } from './index/index-service';
import { segmentName } from './records/record-scan';

const dirs: string[] = [];
const opened: OpenedStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ store }) => store.close().catch(() => undefined)));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const FLOOD = 3000;
/** Small segments, so the records the index reads back span many files. */
const SEGMENT_BYTES = 64 * 1024;

async function open(dir: string) {
  const store = await openStore(dir, { segmentBytes: SEGMENT_BYTES });
  opened.push(store);
  return store;
}

/** A delivery as the receiver stores it: its events are decoded by the index, off its thread. */
const delivery = (n: number) =>
  draft(n, {
    body: JSON.stringify({
      eventType: 'com.okta.event_hook',
      eventId: `e-${n}`,
      data: {
        events: [{ uuid: `u-${n}`, eventType: 'user.session.start', published: '2026-12-04T10:00:00.000Z' }],
      },
    }),
  });

describe('a flood faster than the index', () => {
  it('is stored without waiting for the index, then every exchange is listed in order, judged and timed', async () => {
    const dir = await makeTempDir('ohi-flood-');
    dirs.push(dir);
    const t = await open(dir);
    // One at a time, as keep-alive connections deliver: each record is its own write.
    const timings: Promise<void>[] = [];
    let mostBehind = 0;
    for (let n = 1; n <= FLOOD; n += 1) {
      mostBehind = Math.max(mostBehind, t.store.stats().unindexed);
      const exchange = await t.store.append(delivery(n), { decodeEvents: true });
      // The answer went out: its final timing often reaches the index before its row does.
      timings.push(t.store.completeTiming(exchange.id, { bodyMs: 0.1, storedMs: 0.2, durationMs: 42 }));
    }
    // The index fell behind and read records back from the log (what this test is about).
    expect(mostBehind).toBeGreaterThan(0);
    await Promise.all(timings);
    expect((await readdir(historyPaths(dir).records)).length).toBeGreaterThan(3);

    // A read sees what was written before it (the index catches up first when it is close).
    await waitFor(() => t.appended.length === FLOOD || undefined, 60_000);
    const page = await t.store.list({ limit: FLOOD });
    expect(page.total).toBe(FLOOD);
    expect(page.items.map((s) => s.seq)).toEqual(Array.from({ length: FLOOD }, (_, i) => FLOOD - i));
    expect(t.appended.map((s) => s.seq)).toEqual(Array.from({ length: FLOOD }, (_, i) => i + 1));
    expect(page.items.every((s) => s.eventTypes.includes('user.session.start'))).toBe(true);
    await waitFor(async () => (await t.store.get('id-1'))?.timing.durationMs === 42 || undefined);
    const late = await t.store.get(`id-${FLOOD}`);
    expect(late?.timing.durationMs).toBe(42);
    expect((await t.store.list({ limit: 1, query: 'e-1234' })).total).toBe(1);
  });

  it('leaves nothing out when it stops while the index is still catching up', async () => {
    const dir = await makeTempDir('ohi-flood-');
    dirs.push(dir);
    const first = await open(dir);
    for (let n = 1; n <= FLOOD; n += 1) await first.store.append(delivery(n), { decodeEvents: true });
    opened.splice(opened.indexOf(first), 1);
    await first.store.close();

    const again = await open(dir);
    const page = await again.store.list({ limit: FLOOD });
    expect(page.total).toBe(FLOOD);
    expect(new Set(page.items.map((s) => s.seq)).size).toBe(FLOOD);
    expect((await again.store.append(delivery(FLOOD + 1))).seq).toBe(FLOOD + 1);
  });

  it('moves a pinned record it reads back (carried forward by retention): pinned still, not announced again', async () => {
    const dir = await makeTempDir('ohi-flood-');
    dirs.push(dir);
    const t = await openStore(dir);
    await t.store.append(draft(1));
    expect(await t.store.setPinned([1], true)).toBe(1);
    await t.store.close();
    // The pinned record written again further on, not yet in the index (a full disk, say).
    const file = path.join(historyPaths(dir).records, segmentName(1));
    const record = await readFile(file);
    await appendFile(file, record);

    const service = await IndexService.open(historyPaths(dir), 'Authorization', silentLogger);
    try {
      const { indexed } = service.catchUp(
        { segment: 1, offset: record.length },
        { segment: 1, offset: 2 * record.length },
        1,
        'Authorization',
      );
      expect(indexed).toEqual([]);
      expect(service.summariesOf([1])[0]?.pinned).toBe(true);
      expect(service.recordOf(1)?.position.offset).toBe(record.length);
    } finally {
      service.close();
    }
  });
});
