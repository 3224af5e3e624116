import type { WithheldEvent } from '../../../shared/model/hook-filter';
import type { FilterMap } from '../../../shared/okta/filter/event-filter';
import type { EventPick } from '../samples/send-sample';

/**
 * Keep the events a filter lets through (and those of types it does not filter, which Okta
 * delivers unfiltered); hold back those it drops and those it cannot check here, with why.
 */
export function passingOnly(map: FilterMap): EventPick {
  return (events) => {
    const kept: unknown[] = [];
    const withheld: WithheldEvent[] = [];
    for (const event of events) {
      const result = map.evaluate(event);
      if (result.verdict === 'pass' || result.verdict === 'unfiltered') kept.push(event);
      else {
        const because = result.because.map((part) => part.text).join('; ');
        withheld.push({ eventType: result.eventType, verdict: result.verdict, because });
      }
    }
    return { kept, withheld };
  };
}
