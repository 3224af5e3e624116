import type { Exchange } from '../../../shared/model/exchange';
import type { FilterRun, FilterSource, FilterView, Verdict } from '../../../shared/model/hook-filter';
import { filterKey, type FilterEntry } from '../../../shared/model/hook-filter';
import { FilterMap } from '../../../shared/okta/filter/event-filter';
import { eventsOf } from './delivery-events';

export type Tally = Record<Verdict, number>;

/** A filter the engine evaluates: saved here, or the filter of one of the org's hooks. */
export interface Registered {
  key: string;
  name: string;
  source: FilterSource;
  entries: FilterEntry[];
  map: FilterMap;
  updatedAt: number;
  run: FilterRun;
  /** Seqs up to here are its evaluation job's; later deliveries are checked as they arrive. */
  through: number | null;
  /** Bumped when it is changed or removed: work started for an older one is dropped. */
  revision: number;
}

export const emptyTally = (): Tally => ({ pass: 0, drop: 0, unknown: 0 });

export const queuedRun = (): FilterRun => ({
  state: 'queued',
  done: 0,
  total: 0,
  events: emptyTally(),
  deliveries: 0,
  jobId: null,
  message: null,
});

let revisions = 0;

export function register(
  name: string,
  source: FilterSource,
  entries: FilterEntry[],
  updatedAt: number,
): Registered {
  revisions += 1;
  return {
    key: filterKey(name),
    name,
    source,
    entries,
    map: new FilterMap(entries),
    updatedAt,
    run: queuedRun(),
    through: null,
    revision: revisions,
  };
}

/** What a filter makes of the events of one stored delivery, of the types it filters. */
export function checkDelivery(map: FilterMap, exchange: Exchange): Tally {
  const tally = emptyTally();
  const { events, unreadable } = eventsOf(exchange);
  for (const event of events) {
    const filter = map.forType(event.eventType);
    if (filter) tally[filter.evaluate(event.raw).verdict] += 1;
  }
  for (const type of unreadable) if (map.forType(type)) tally.unknown += 1;
  return tally;
}

export function addTally(run: FilterRun, tally: Tally): void {
  run.events = {
    pass: run.events.pass + tally.pass,
    drop: run.events.drop + tally.drop,
    unknown: run.events.unknown + tally.unknown,
  };
  if (tally.pass > 0) run.deliveries += 1;
}

export function viewOf(filter: Registered): FilterView {
  const problems = filter.entries.flatMap(({ eventType }) => {
    const [first] = filter.map.forType(eventType)?.diagnostics ?? [];
    return first ? [{ eventType, severity: first.severity, message: first.message }] : [];
  });
  return {
    name: filter.name,
    source: filter.source,
    entries: filter.entries,
    problems,
    run: { ...filter.run, events: { ...filter.run.events } },
    updatedAt: filter.updatedAt,
  };
}
