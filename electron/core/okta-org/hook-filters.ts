import type { DeliveryFilterCheck, DeliveryRecord, DeliveryStatus } from '../../../shared/model/okta';
import type { DecodedHook } from '../../../shared/okta/event-hook';
import { FilterMap } from '../../../shared/okta/filter/event-filter';
import { fromOktaFilter } from '../../../shared/okta/filter/hook-filter-json';
import { parseOktaTime } from '../../../shared/okta/timestamps';

/** A hook's event filter, and since when it is in place (the hook's last change). */
export interface HookFilter {
  map: FilterMap;
  since: number;
}

/** Okta sent these: what the receiver answered does not matter to the filter. */
const SENT: readonly DeliveryStatus[] = ['received', 'refused', 'failed'];

/** The filters of the listed hooks, compiled once per hook and expression set. */
export class HookFilters {
  private readonly compiled = new Map<string, { text: string; map: FilterMap }>();

  of(hook: DecodedHook | undefined): HookFilter | null {
    const entries = hook ? fromOktaFilter(hook.filter) : null;
    if (!hook || entries === null) return null;
    const text = JSON.stringify(entries);
    let known = this.compiled.get(hook.id);
    if (known?.text !== text) {
      known = { text, map: new FilterMap(entries) };
      this.compiled.set(hook.id, known);
    }
    return { map: known.map, since: parseOktaTime(hook.lastUpdated ?? '') ?? 0 };
  }
}

/**
 * What the filter of the first of the record's hooks that filters its type makes of Okta's
 * copy of the event (https://developer.okta.com/docs/guides/event-hook-filtering/), and whether
 * that disagrees with what Okta did.
 */
export function filterCheck(
  record: DeliveryRecord,
  raw: unknown,
  filterOf: (hookId: string) => HookFilter | null,
): DeliveryFilterCheck | null {
  for (const hookId of record.hookIds) {
    const filter = filterOf(hookId);
    const result = filter?.map.evaluate(raw);
    if (!filter || !result || result.verdict === 'unfiltered') continue;
    const inPlace = (parseOktaTime(record.published) ?? 0) >= filter.since;
    const sent = SENT.includes(record.status);
    let mismatch: DeliveryFilterCheck['mismatch'] = null;
    if (inPlace && result.verdict === 'drop' && sent) mismatch = 'sent-though-dropped';
    if (inPlace && result.verdict === 'pass' && record.status === 'missing')
      mismatch = 'missing-though-passed';
    const because = result.because.map((part) => part.text).join('; ');
    return { hookId, verdict: result.verdict, because, inPlace, mismatch };
  }
  return null;
}
