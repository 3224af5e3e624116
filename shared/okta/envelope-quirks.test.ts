import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDelivery } from './envelope';
import { parseOktaTime } from './timestamps';

const base = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, 'fixtures', '02-batch-mixed-3-events.json'), 'utf8'),
  ) as Record<string, unknown>;

const codes = (body: unknown) =>
  decodeDelivery(typeof body === 'string' ? body : JSON.stringify(body)).problems.map((p) => p.code);

describe('envelope quirks Okta is known for are accepted silently', () => {
  it('takes numeric versions, µs timestamps and unknown fields', () => {
    const body = {
      ...base(),
      eventTypeVersion: 1.0,
      cloudEventsVersion: 0.1,
      eventTime: '2026-03-17T16:05:26.809026Z',
      extra: { x: 1 },
    };
    expect(codes(body)).toEqual([]);
  });

  it('reads "null" strings as absent and keeps going on a null target', () => {
    const { okta } = decodeDelivery(JSON.stringify(base()));
    expect(okta.events.map((e) => e.targets.length)).toEqual([1, 2, 0]);
    expect(okta.events[0]?.client.ipAddress).toBe('203.0.113.57');
    expect(okta.events[0]?.targetEventHookIds).toEqual(['who9f3kq7mLbT2pRz5d7']);
    expect(okta.events[0]?.transactionId).toBe('bX7nR2tV5yB8dF1hK4mP6qAAC9w');
  });

  it('splits several target hook ids', () => {
    const body = base();
    const events = (body.data as { events: { debugContext: { debugData: Record<string, string> } }[] })
      .events;
    events[0]!.debugContext.debugData.targetEventHookIds = 'who1, who2';
    expect(decodeDelivery(JSON.stringify(body)).okta.events[0]?.targetEventHookIds).toEqual(['who1', 'who2']);
  });
});

describe('what Okta would never send in an envelope is listed as a problem', () => {
  it.each([
    ['another eventTypeVersion', { ...base(), eventTypeVersion: '2.0' }, 'event-type-version'],
    ['another cloudEventsVersion', { ...base(), cloudEventsVersion: '1.0' }, 'cloud-events-version'],
    ['no eventId', { ...base(), eventId: undefined }, 'missing-event-id'],
    ['a bad eventTime', { ...base(), eventTime: 'yesterday' }, 'event-time'],
    ['a source that is not a hook', { ...base(), source: 'https://example.com/' }, 'source'],
    ['an empty event list', { ...base(), data: { events: [] } }, 'no-events'],
    [
      'events without uuid',
      { ...base(), data: { events: [{ eventType: 'x', published: '2026-01-01T00:00:00Z' }] } },
      'event-fields',
    ],
  ])('%s', (_case, body, code) => {
    expect(codes(body)).toContain(code);
  });
});

describe('parseOktaTime', () => {
  it('reads ms, µs, offsets, and rejects the rest', () => {
    expect(parseOktaTime('2026-03-17T15:42:08.512Z')).toBe(Date.UTC(2026, 2, 17, 15, 42, 8, 512));
    expect(parseOktaTime('2026-03-17T15:42:08.512345Z')).toBeCloseTo(
      Date.UTC(2026, 2, 17, 15, 42, 8, 512) + 0.345,
      2,
    );
    expect(parseOktaTime('2026-03-17T15:42:08+01:00')).toBe(Date.UTC(2026, 2, 17, 14, 42, 8));
    expect(parseOktaTime('17 March 2026')).toBeNull();
    expect(parseOktaTime(undefined)).toBeNull();
  });
});

describe('never throws', () => {
  it('on arbitrary bytes read as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        expect(Array.isArray(decodeDelivery(text).problems)).toBe(true);
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });

  it('on envelopes whose fields have arbitrary JSON values', () => {
    const envelope = fc.record({
      eventType: fc.jsonValue(),
      eventId: fc.jsonValue(),
      eventTime: fc.jsonValue(),
      source: fc.jsonValue(),
      data: fc.oneof(fc.jsonValue(), fc.record({ events: fc.array(fc.jsonValue(), { maxLength: 5 }) })),
    });
    fc.assert(
      fc.property(envelope, (body) => {
        const { okta } = decodeDelivery(JSON.stringify(body));
        for (const event of okta.events) expect(typeof event.uuid).toBe('string');
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });
});
