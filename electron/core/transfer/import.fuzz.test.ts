import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDraft, checkExchange } from '../../../shared/contract/exchange-schema';
import type { Exchange } from '../../../shared/model/exchange';
import { summarize } from '../../../shared/model/summarize';
import { decodeDelivery } from '../../../shared/okta/envelope';
import { payloadText } from '../../../test-support/engine/payloads';
import { draft } from '../../../test-support/engine/store-fixture';
import { searchText } from '../store/search-text';
import { exchangeFromHar } from './har-reader';
import { harEntry } from './har-writer';

const FIXTURE = payloadText('02-batch-mixed-3-events.json');
const BASE: Exchange = {
  ...draft(1, { body: FIXTURE }),
  seq: 1,
  okta: decodeDelivery(FIXTURE).okta,
  sightings: { repeatOf: 'id-0', repeatedEvents: [], outOfOrder: [] },
  forward: { url: 'http://127.0.0.1:3000/h', headers: [['Host', '127.0.0.1:3000']] },
};

/** Every path into `value` (objects and arrays), as lists of keys. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...prefix, key])),
  ];
}

function replaced(base: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) return value;
  at[last] = value;
  return copy;
}

/** What the store and the exports do with an exchange that was let in. */
function useAsTheAppWould(exchange: Exchange): void {
  summarize(exchange);
  searchText(exchange, 'Authorization');
  JSON.stringify(harEntry(exchange));
}

describe('imports (property)', () => {
  it('an NDJSON line with any field replaced by any value is refused, or is an exchange the app can use', () => {
    const paths = pathsOf(BASE);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(fc.jsonValue(), fc.string()), (path, value) => {
        const checked = checkExchange(replaced(BASE, path, value));
        if ('error' in checked) return;
        useAsTheAppWould(checked.value);
        expect(checkExchange(checked.value)).toEqual(checked);
      }),
    );
  });

  it('any HAR entry is refused with a reason, or is an exchange the schema accepts', () => {
    const entry = fc.record(
      {
        startedDateTime: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
        request: fc.record({
          method: fc.oneof(fc.constantFrom('POST', 'GET', 'post'), fc.string()),
          url: fc.oneof(
            fc.constantFrom('https://x.test/okta/event-hook', 'http://[::1]:8/a?b=%', 'x:'),
            fc.string(),
          ),
          headers: fc.array(fc.record({ name: fc.string(), value: fc.string() }), { maxLength: 5 }),
          postData: fc.record({ text: fc.oneof(fc.constant(FIXTURE), fc.string()) }),
        }),
        response: fc.record({ status: fc.oneof(fc.integer(), fc.double()) }),
        _kind: fc.constantFrom('delivery', 'other', 'x'),
      },
      { requiredKeys: ['request', 'response'] },
    );
    fc.assert(
      fc.property(entry, (value) => {
        const read = exchangeFromHar(value);
        if ('error' in read) expect(read.error).not.toBe('');
        else expect(checkDraft(read)).toEqual({ value: read });
      }),
    );
  });
});
