import type { EventCheck, FilterPreview } from '../../../shared/model/hook-filter';
import { asText } from '../../../shared/okta/json-access';
import { compileFilter } from '../../../shared/okta/filter/event-filter';
import { emptyTally } from './registered';
import type { Sample } from './event-samples';

/** Events listed per verdict: the newest ones. */
const LISTED = 25;

const field = (raw: unknown, name: string) =>
  typeof raw === 'object' && raw !== null ? (asText((raw as Record<string, unknown>)[name]) ?? '') : '';

/** An expression tried against a sample: counts, and the newest events of each verdict with why. */
export function previewOf(sample: Sample, expression: string): FilterPreview {
  const filter = compileFilter(expression);
  const counts = emptyTally();
  const events: EventCheck[] = [];
  for (const event of sample.events) {
    const { verdict, because } = filter.evaluate(event.raw);
    counts[verdict] += 1;
    if (counts[verdict] > LISTED) continue;
    events.push({
      exchangeId: event.exchangeId,
      receivedAt: event.receivedAt,
      uuid: field(event.raw, 'uuid'),
      published: field(event.raw, 'published'),
      displayMessage: field(event.raw, 'displayMessage'),
      verdict,
      because,
    });
  }
  counts.unknown += sample.unreadable;
  return {
    eventType: sample.eventType,
    diagnostics: filter.diagnostics,
    checked: sample.events.length + sample.unreadable,
    deliveries: sample.deliveries,
    sampled: sample.read < sample.deliveries,
    counts,
    events,
  };
}
