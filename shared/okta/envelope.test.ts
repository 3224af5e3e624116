import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDelivery } from './envelope';
import { decodeEvent } from './log-event';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('decodeDelivery', () => {
  it('reads the sample single-event delivery', () => {
    const { okta, problems } = decodeDelivery(fixture('01-user-session-start.json'));
    expect(problems).toEqual([]);
    expect(okta).toMatchObject({
      eventId: '4f9b2c71-8d3e-4a6b-b1c5-2e7f9a0d6c38',
      hookId: 'who9f3kq7mLbT2pRz5d7',
      source: 'https://dev-000000.okta.com/api/v1/eventHooks/who9f3kq7mLbT2pRz5d7',
    });
    expect(okta.events[0]).toMatchObject({
      eventType: 'user.session.start',
      outcome: { result: 'SUCCESS', reason: null },
      actor: { alternateId: 'maria.lopez@example.com', type: 'User' },
    });
    expect(okta.events[0]?.targets.map((t) => t.type)).toEqual(['AuthenticatorEnrollment', 'AppInstance']);
  });

  it('tolerates a null target', () => {
    const { okta } = decodeDelivery(fixture('02-batch-mixed-3-events.json'));
    expect(okta.events[2]).toMatchObject({ eventType: 'user.account.lock', targets: [] });
  });

  it.each([
    ['not JSON', '{"eventType":', 'not-json'],
    ['JSON but not an object', '[1,2]', 'not-object'],
    ['an empty body', '', 'empty-body'],
    ['another envelope type', '{"eventType":"x","eventId":"1","data":{"events":[]}}', 'envelope-type'],
    ['no data.events', '{"eventType":"com.okta.event_hook","eventId":"1"}', 'missing-events'],
  ])('lists %s as a problem instead of failing', (_case, body, code) => {
    const { problems } = decodeDelivery(body);
    expect(problems.map((p) => p.code)).toContain(code);
  });

  it('tells a missing eventType from a null one', () => {
    const message = (body: string) =>
      decodeDelivery(body).problems.find((p) => p.code === 'envelope-type')?.message;
    expect(message('{"hello":"not okta"}')).toBe('There is no eventType; Okta sends "com.okta.event_hook".');
    expect(message('{"eventType":null}')).toBe('eventType is null, not "com.okta.event_hook".');
  });

  it('never throws on arbitrary JSON or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        const decoded = decodeDelivery(text);
        expect(Array.isArray(decoded.okta.events)).toBe(true);
      }),
      { seed: 20261126, numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof decodeEvent(value).eventType).toBe('string');
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });
});
