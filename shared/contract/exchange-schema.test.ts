import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Exchange } from '../model/exchange';
import { decodeDelivery } from '../okta/envelope';
import { checkDraft, checkExchange, RECEIVED_RANGE, type exchangeSchema } from './exchange-schema';

const body = (text: string) => ({ text, size: text.length, truncated: false });

const exchange: Exchange = {
  id: 'id-1',
  seq: 1,
  kind: 'delivery',
  origin: 'rebuilt',
  receivedAt: Date.UTC(2026, 4, 1),
  request: {
    method: 'POST',
    path: '/okta/event-hook',
    query: '',
    httpVersion: '1.1',
    headers: [['Authorization', 'Basic ••••••••']],
    body: body('{}'),
    remoteAddress: '::1',
  },
  response: { status: 204, headers: [], body: body('') },
  timing: { bodyMs: 0.5, durationMs: 1 },
  auth: { result: 'ok', header: 'Authorization' },
  okta: decodeDelivery(JSON.stringify({ data: { events: [{ eventType: 'user.session.start' }] } })).okta,
  problems: [],
};

describe('the exchange schema', () => {
  it('describes every Exchange (a field added to the type must be added here)', () => {
    expectTypeOf<Exchange>().toExtend<z.output<typeof exchangeSchema>>();
    expect(checkExchange(exchange)).toEqual({ value: exchange });
  });

  it('drops fields it does not know and names the first one it refuses', () => {
    expect(checkExchange({ ...exchange, extra: 'x'.repeat(1000) })).toEqual({ value: exchange });
    expect(checkExchange({ ...exchange, receivedAt: RECEIVED_RANGE.to })).toEqual({
      error: 'receivedAt: is after the year 2100',
    });
    expect(checkDraft({ ...exchange, request: { ...exchange.request, method: 'GET /' } })).toEqual({
      error: 'request.method: not an HTTP method',
    });
  });
});
