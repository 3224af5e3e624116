import { EVENT_FIELDS, TARGET_FIELDS } from './filter-fields';

/** How often a field had text in the captured events, and its most frequent values. */
export interface FieldStat {
  /** `outcome.result` (after `event.`), or a target field (`displayName`). */
  path: string;
  /** Events (or targets) where it had text. */
  present: number;
  values: { value: string; count: number }[];
}

/** Targets of one type across the captured events. */
export interface TargetStat {
  type: string;
  /** Events with at least one target of this type. */
  events: number;
  fields: FieldStat[];
}

/** What completion offers for one event type: the fields and values its captured events had. */
export interface FieldCatalog {
  eventType: string;
  /** Events the catalog was built from. */
  events: number;
  fields: FieldStat[];
  targets: TargetStat[];
}

const TOP_VALUES = 12;
const LONGEST_VALUE = 200;

type Tally = Map<string, number>;
type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function read(event: unknown, from: readonly string[]): unknown {
  let at = event;
  for (const step of from) at = isRecord(at) && Object.hasOwn(at, step) ? at[step] : undefined;
  return at;
}

function count(tally: Tally, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value.length <= LONGEST_VALUE) tally.set(value, (tally.get(value) ?? 0) + 1);
  return true;
}

function stat(path: string, present: number, tally: Tally): FieldStat {
  const values = [...tally]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_VALUES)
    .map(([value, n]) => ({ value, count: n }));
  return { path, present, values };
}

/** The catalog of `events` (raw LogEvents of one type). */
export function buildCatalog(eventType: string, events: readonly unknown[]): FieldCatalog {
  const fields = EVENT_FIELDS.map(({ path, from }) => {
    const tally: Tally = new Map();
    let present = 0;
    for (const event of events) if (count(tally, read(event, from))) present += 1;
    return stat(path, present, tally);
  });
  return { eventType, events: events.length, fields, targets: targetStats(events) };
}

interface TypeTally {
  events: number;
  tallies: Tally[];
  present: number[];
}

const newTypeTally = (): TypeTally => ({
  events: 0,
  tallies: TARGET_FIELDS.map(() => new Map<string, number>()),
  present: TARGET_FIELDS.map(() => 0),
});

/** Targets per type; only the first 50 of an event are looked at (Okta's events name a few). */
function targetStats(events: readonly unknown[]): TargetStat[] {
  const byType = new Map<string, TypeTally>();
  for (const event of events) {
    const targets = read(event, ['target']);
    if (!Array.isArray(targets)) continue;
    const seen = new Set<string>();
    for (const target of targets.slice(0, 50)) {
      if (!isRecord(target) || typeof target.type !== 'string' || target.type.length > LONGEST_VALUE)
        continue;
      const entry = byType.get(target.type) ?? newTypeTally();
      byType.set(target.type, entry);
      if (!seen.has(target.type)) entry.events += 1;
      seen.add(target.type);
      TARGET_FIELDS.forEach((field, i) => {
        if (count(entry.tallies[i] ?? new Map<string, number>(), target[field]))
          entry.present[i] = (entry.present[i] ?? 0) + 1;
      });
    }
  }
  return [...byType]
    .sort((a, b) => b[1].events - a[1].events)
    .map(([type, entry]) => ({
      type,
      events: entry.events,
      fields: TARGET_FIELDS.map((field, i) =>
        stat(field, entry.present[i] ?? 0, entry.tallies[i] ?? new Map<string, number>()),
      ),
    }));
}
