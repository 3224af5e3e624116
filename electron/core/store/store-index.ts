import type { ExchangeSummary, TimingRecord } from '../../../shared/model/exchange';
import type { LogPosition } from './segment-log';
import type { Searchable } from './search-corpus';

/** One stored exchange as the engine keeps it in memory. */
export interface Entry {
  summary: ExchangeSummary;
  /** Where its `exchange` record is (the newest copy). */
  position: LogPosition;
  /** The final timing, once known; the record on disk may hold the provisional one. */
  timing?: TimingRecord;
  search: Searchable;
}

/** What retention needs to know about one segment file. */
export interface SegmentTally {
  unpinned: number;
  pinnedBytes: number;
}

/** Bumped when matches of a cached query may have changed in place. */
export interface IndexStamps {
  removals: number;
  timings: number;
  pins: number;
}

/**
 * Stored exchanges in seq order, by id, and tallied per segment. Seqs only grow, so appends go
 * to the end; copies carried forward keep their seq and so their place.
 */
export class StoreIndex {
  entries: Entry[] = [];
  readonly byId = new Map<string, Entry>();
  readonly stamps: IndexStamps = { removals: 0, timings: 0, pins: 0 };
  private readonly tallies = new Map<number, SegmentTally>();
  private pinnedCount = 0;

  get size(): number {
    return this.entries.length;
  }

  pinned(): number {
    return this.pinnedCount;
  }

  add(entry: Entry): void {
    const last = this.entries.at(-1);
    if (last === undefined || last.summary.seq < entry.summary.seq) this.entries.push(entry);
    else this.entries.splice(this.firstIndexAtOrAbove(entry.summary.seq), 0, entry);
    this.byId.set(entry.summary.id, entry);
    this.count(entry, 1);
  }

  /** Remove entries (deleted or evicted); returns those that were present. */
  remove(doomed: Iterable<Entry>): Entry[] {
    const removed = new Set<Entry>();
    for (const entry of doomed) {
      if (this.byId.get(entry.summary.id) !== entry) continue;
      removed.add(entry);
      this.byId.delete(entry.summary.id);
      this.count(entry, -1);
    }
    if (removed.size === 0) return [];
    // Eviction takes from the front: slice instead of filtering the whole list.
    let cut = 0;
    while (cut < this.entries.length && removed.has(this.entries[cut] as Entry)) cut += 1;
    this.entries =
      cut === removed.size ? this.entries.slice(cut) : this.entries.filter((entry) => !removed.has(entry));
    this.stamps.removals += 1;
    return [...removed];
  }

  /** Unpinned entries with a seq up to `seq`, oldest first. */
  unpinnedThrough(seq: number): Entry[] {
    const found: Entry[] = [];
    for (const entry of this.entries) {
      if (entry.summary.seq > seq) break;
      if (!entry.summary.pinned) found.push(entry);
    }
    return found;
  }

  /** The `count` oldest unpinned entries. */
  oldestUnpinned(count: number): Entry[] {
    const found: Entry[] = [];
    for (const entry of this.entries) {
      if (found.length >= count) break;
      if (!entry.summary.pinned) found.push(entry);
    }
    return found;
  }

  setPinned(entry: Entry, pinned: boolean): void {
    if (entry.summary.pinned === pinned) return;
    this.count(entry, -1);
    entry.summary = { ...entry.summary, pinned };
    this.count(entry, 1);
    this.stamps.pins += 1;
  }

  setTiming(entry: Entry, timing: TimingRecord): void {
    entry.timing = timing;
    entry.summary = { ...entry.summary, durationMs: timing.durationMs };
    this.stamps.timings += 1;
  }

  /** The entry's record now lives elsewhere (carried forward). */
  move(entry: Entry, position: LogPosition): void {
    this.count(entry, -1);
    entry.position = position;
    this.count(entry, 1);
  }

  tally(segment: number): SegmentTally {
    return this.tallies.get(segment) ?? { unpinned: 0, pinnedBytes: 0 };
  }

  /** Binary search over seq (entries are in seq order). */
  firstIndexAtOrAbove(seq: number, entries: Entry[] = this.entries): number {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((entries[mid]?.summary.seq ?? Infinity) < seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private count(entry: Entry, delta: 1 | -1): void {
    const { segment, length } = entry.position;
    const tally = this.tallies.get(segment) ?? { unpinned: 0, pinnedBytes: 0 };
    if (entry.summary.pinned) {
      tally.pinnedBytes += delta * length;
      this.pinnedCount += delta;
    } else tally.unpinned += delta;
    if (tally.unpinned === 0 && tally.pinnedBytes === 0) this.tallies.delete(segment);
    else this.tallies.set(segment, tally);
  }
}
