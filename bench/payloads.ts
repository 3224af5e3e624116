import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSampleDelivery } from '../shared/okta/sample-builder';
import { FEATURED_SAMPLE_TYPES } from '../shared/okta/sample-templates';
import { FIXTURES } from './paths';

/** The hook secret every benchmark engine is started with, so the auth check runs. */
export const SECRET = 'Basic YmVuY2g6YmVuY2g=';

export const DELIVERY_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json',
  Authorization: SECRET,
};

/** Stands for a fresh id in a template; autocannon's `idReplacement` fills in `[<id>]`. */
const ID = '[<id>]';

const sampleContext = (now: number) => ({
  now,
  uuid: () => ID,
  randomId: (length: number) => 'b'.repeat(length),
  hookId: 'whoBench0000000000000',
});

/**
 * The 1-event sample (~2.5 KB compact) as autocannon sends it: every request gets its own
 * eventId and event uuid, as Okta's do, so the engine's duplicate tracking sees fresh deliveries.
 */
export function singleEventTemplate(): string {
  const fixture = JSON.parse(readFileSync(path.join(FIXTURES, '01-user-session-start.json'), 'utf8')) as {
    eventId: string;
    data: { events: { uuid: string }[] };
  };
  fixture.eventId = ID;
  for (const event of fixture.data.events) event.uuid = ID;
  return JSON.stringify(fixture);
}

/** A template's `[<id>]`s filled in from the request number, for loads that send bodies themselves. */
export const withIds =
  (template: string) =>
  (n: number): string =>
    template.replaceAll(ID, `paced-${n}`);

/** A 50-event batch of the featured sample types, ids filled in per request the same way. */
export function batchTemplate(size = 50): string {
  const types = Array.from(
    { length: size },
    (_, i) => FEATURED_SAMPLE_TYPES[i % FEATURED_SAMPLE_TYPES.length]!,
  );
  let index = 0;
  // Events in one batch need distinct uuids: the request's id plus the event's index.
  return JSON.stringify(buildSampleDelivery(types, sampleContext(Date.now()))).replace(/"\[<id>\]"/g, () =>
    index++ === 0 ? `"${ID}"` : `"${ID}-${index}"`,
  );
}

/**
 * Delivery number `n`: one event of a type taken in turn from the featured sample types, with
 * ids made from `n` (`bench-<n>-delivery`, `bench-<n>-event`), so every delivery is distinct.
 */
export function numberedDeliveries(): (n: number) => string {
  const types = FEATURED_SAMPLE_TYPES;
  // One clock for all: a later template would make the earlier ones look out of order.
  const now = Date.now();
  const templates = types.map((type) => JSON.stringify(buildSampleDelivery([type], sampleContext(now))));
  return (n) => {
    const template = templates[n % templates.length]!;
    let which = 0;
    return template.replaceAll(ID, () => `bench-${n}-${which++ === 0 ? 'delivery' : 'event'}`);
  };
}

/** A delivery of about `bytes` bytes of JSON: sample events in turn, each with its own uuid. */
export function largeDelivery(bytes: number): string {
  let n = 0;
  const context = { ...sampleContext(Date.now()), uuid: () => `large-${n++}` };
  const build = (count: number) =>
    JSON.stringify(
      buildSampleDelivery(
        Array.from({ length: count }, (_, i) => FEATURED_SAMPLE_TYPES[i % FEATURED_SAMPLE_TYPES.length]!),
        context,
      ),
    );
  const envelope = build(0).length;
  const perEvent = (build(FEATURED_SAMPLE_TYPES.length).length - envelope) / FEATURED_SAMPLE_TYPES.length;
  return build(Math.round((bytes - envelope) / perEvent));
}
