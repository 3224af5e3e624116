import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Timeline } from '../../../shared/model/timeline';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { waitFor } from '../../../test-support/engine/wait-for';
import { draft, openStore, type OpenedStore } from '../../../test-support/engine/store-fixture';

const dirs: string[] = [];
const opened: OpenedStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ store }) => store.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const MINUTE = 60_000;
/** Half an hour ago, on a minute: its slices (30 s wide over the half hour) start there. */
const T = Math.floor((Date.now() - 30 * MINUTE) / MINUTE) * MINUTE;
/** Per slice: accepted, rejected, and the slowest answer; only slices with something in them. */
const drawn = (timeline: Timeline) =>
  timeline.buckets
    .filter((b) => b.accepted + b.rejected + b.failed + b.timedOut + b.other > 0)
    .map((b) => [b.start, b.accepted, b.rejected, b.maxMs]);

describe('the whole history’s timeline', () => {
  it('stays right as rows are added into its slices, answered and removed (its slices are kept counted)', async () => {
    const dir = await makeTempDir('ohi-timeline-');
    dirs.push(dir);
    const { store } = await openStore(dir);
    opened.push({ store } as OpenedStore);
    await store.append(draft(1, { receivedAt: T }));
    await store.append(draft(2, { receivedAt: T + 10 * MINUTE }));
    const before = drawn(await store.timeline('', 120));
    expect(before).toHaveLength(2);
    expect(drawn(await store.timeline('', 120))).toEqual(before);

    // Into the first slice: an import dated then, and a rejected one.
    await store.append(draft(3, { receivedAt: T + 10, status: 401 }));
    const counted = drawn(await store.timeline('', 120));
    expect(counted[0]?.slice(1, 3)).toEqual([1, 1]);
    expect((await store.timeline('', 120)).total).toBe(3);

    await store.completeTiming('id-1', { bodyMs: 0.1, durationMs: 2500 });
    await waitFor(async () =>
      (drawn(await store.timeline('', 120))[0]?.[3] ?? 0) === 2500 ? true : undefined,
    );
    const [seq3] = await store.select({ ids: ['id-3'] });
    await store.delete([seq3!]);
    expect(drawn(await store.timeline('', 120))[0]?.slice(1, 3)).toEqual([1, 0]);
  });
});
