import { afterEach, describe, expect, it } from 'vitest';
import { openIndexDb, type Db } from './index-db';
import { TimelineCounts } from './timeline-counts';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 4, 1, 12);

let db: Db;
afterEach(() => db.close());

/** An `exchanges` row received at `receivedAt` with this result (0 accepted … 4 other) and answer time. */
const insert = (seq: number, receivedAt: number, result: number, durationMs: number, verb = 'INSERT') =>
  db
    .prepare(`${verb} INTO exchanges VALUES (?, ?, 0, 0, 0, 204, ?, 0, ?, 0, 0, NULL, 1, 0, 10)`)
    .run([seq, receivedAt, durationMs, result]);

const kept = () =>
  db
    .prepare('SELECT width, start, accepted, rejected, max_ms FROM timeline_counts ORDER BY width, start')
    .raw()
    .all();

describe('the timeline’s kept counts, in the index', () => {
  it('count a row written again in its place once (INSERT OR REPLACE)', () => {
    db = openIndexDb(':memory:');
    insert(1, T + 5, 0, 30);
    insert(1, T + 5, 1, 20, 'INSERT OR REPLACE');
    // As each write's transaction ends (index-writer.ts): the replaced row was the slowest.
    new TimelineCounts(db).freshen();
    expect(kept()).toEqual([
      [1000, T, 0, 1, 20],
      [60_000, T, 0, 1, 20],
      [HOUR, T, 0, 1, 20],
    ]);
  });

  it('are counted from the rows on an index opened read-only before it had them', () => {
    db = openIndexDb(':memory:');
    for (const trigger of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER timeline_counts_${trigger}`);
    db.exec('DROP TABLE timeline_counts');
    insert(1, T - 1, 0, 30);
    insert(2, T + HOUR + 1500, 2, 70);
    insert(3, T + 2 * HOUR, 0, 10);
    expect(new TimelineCounts(db).slice(T - HOUR, T + 2 * HOUR)).toEqual([1, 0, 1, 0, 0, 70]);
  });

  it('read whole slices from the widest width and their ends from the narrower ones', () => {
    db = openIndexDb(':memory:');
    const times = [T - 1, T, T + 999.5, T + 61_000, T + HOUR - 1, T + HOUR, T + HOUR + 1, T + 3 * HOUR];
    times.forEach((at, i) => insert(i + 1, at, i % 2, i));
    const counts = new TimelineCounts(db);
    for (const [from, to] of [
      [T - HOUR, T + 4 * HOUR],
      [T, T + HOUR],
      [T + 0.5, T + HOUR + 1],
      [T + 1000, T + 61_001],
      [T + HOUR, T + HOUR],
    ] as const) {
      const inside = times.map((at, i) => [at, i] as const).filter(([at]) => at >= from && at < to);
      const accepted = inside.filter(([, i]) => i % 2 === 0).length;
      const slowest = Math.max(0, ...inside.map(([, i]) => i));
      expect(counts.slice(from, to)).toEqual([accepted, inside.length - accepted, 0, 0, 0, slowest]);
    }
  });
});
