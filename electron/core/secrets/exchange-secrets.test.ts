import { describe, expect, it } from 'vitest';
import type { Exchange, HeaderList } from '../../../shared/model/exchange';
import { draft } from '../../../test-support/engine/store-fixture';
import { exchangeForCaller, HEADER_LIST_PATHS, mapHeaderLists } from './exchange-secrets';

const SECRET = 'Basic c2VhbC1ldmVyeS1saXN0';
const CREDENTIALS = { authHeader: 'Authorization', secret: SECRET };

/** An exchange with every optional part that can hold headers present, each list carrying the secret. */
function everything(): Exchange {
  const headers = (): HeaderList => [
    ['Authorization', SECRET],
    ['X-Echo', `was ${SECRET}`],
    ['Content-Type', 'application/json'],
  ];
  const base = draft(1);
  const response = { status: 200, headers: headers(), body: { text: '', size: 0, truncated: false } };
  return {
    ...base,
    seq: 1,
    request: { ...base.request, headers: headers() },
    response,
    forward: {
      url: 'http://127.0.0.1:1/h',
      headers: headers(),
      response: { ...response, headers: headers() },
    },
  };
}

/** Every value in `value` shaped like a header list, wherever it is. */
function headerListsIn(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) {
    const pairs = value.every(
      (v) => Array.isArray(v) && v.length === 2 && v.every((s) => typeof s === 'string'),
    );
    if (pairs && value.length > 0) found.push(value);
    else for (const item of value) headerListsIn(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) headerListsIn(inner, found);
  }
  return found;
}

describe('one path for every header list of an exchange', () => {
  it('maps every header list an exchange holds, found by walking it, and nothing else', () => {
    const exchange = everything();
    const seen: HeaderList[] = [];
    const mapped = mapHeaderLists(exchange, (headers) => {
      seen.push(headers);
      return headers.map(([name]) => [name, 'mapped']);
    });
    expect(seen).toHaveLength(HEADER_LIST_PATHS.length);
    expect(headerListsIn(exchange)).toHaveLength(HEADER_LIST_PATHS.length);
    for (const list of headerListsIn(mapped)) {
      expect((list as HeaderList).every(([, value]) => value === 'mapped')).toBe(true);
    }
    expect(mapped.request.body).toBe(exchange.request.body);
    expect(exchange.forward?.headers[0]).toEqual(['Authorization', SECRET]);
  });

  it('leaves absent parts absent', () => {
    const plain = everything();
    delete plain.forward;
    const mapped = mapHeaderLists(plain, (headers) => headers);
    expect('forward' in mapped).toBe(false);
    expect(mapped).toEqual(plain);
  });

  it('masks the secret in every list for callers, and reveals it only when asked', () => {
    const exchange = everything();
    const masked = exchangeForCaller(exchange, { revealSecrets: false, credentials: CREDENTIALS });
    expect(JSON.stringify(masked)).not.toContain(SECRET.slice('Basic '.length));
    expect(masked.forward?.headers).toContainEqual(['Content-Type', 'application/json']);
    expect(exchangeForCaller(exchange, { revealSecrets: true, credentials: CREDENTIALS })).toBe(exchange);
  });
});
