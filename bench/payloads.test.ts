import { describe, expect, it } from 'vitest';
import { decodeDelivery } from '../shared/okta/envelope';
import { batchTemplate, largeDelivery, numberedDeliveries, singleEventTemplate, withIds } from './payloads';

const uuids = (body: string) => decodeDelivery(body).okta.events.map((event) => event.uuid);

describe('bench payloads', () => {
  it('are Okta deliveries the receiver decodes without problems, with fresh ids per request', () => {
    for (const template of [singleEventTemplate(), batchTemplate(5)]) {
      const [first, second] = [withIds(template)(1), withIds(template)(2)];
      expect(decodeDelivery(first).problems).toEqual([]);
      expect(new Set([...uuids(first), ...uuids(second)]).size).toBe(2 * uuids(first).length);
    }
    const delivery = numberedDeliveries();
    expect(decodeDelivery(delivery(7)).okta.eventId).toBe('bench-7-delivery');
    expect(uuids(delivery(7))).toEqual(['bench-7-event']);
  });

  it('make a large delivery of about the size asked for', () => {
    const body = largeDelivery(200_000);
    expect(Math.abs(body.length - 200_000)).toBeLessThan(2_000);
    expect(new Set(uuids(body)).size).toBe(uuids(body).length);
  });
});
