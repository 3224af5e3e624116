import { describe, expect, it } from 'vitest';
import type { OktaDecoded } from '../model/exchange';
import { decodeEvent } from './log-event';
import { SightingsTracker } from './sightings';

const delivery = (
  eventId: string,
  events: [uuid: string, published: string][],
  hookId = 'whoA',
): OktaDecoded => ({
  eventId,
  hookId,
  events: events.map(([uuid, published]) =>
    decodeEvent({ uuid, published, eventType: 'user.session.start' }),
  ),
});

const see = (tracker: SightingsTracker, id: string, okta: OktaDecoded) => {
  const sightings = tracker.judge(okta);
  tracker.remember(id, okta);
  return sightings;
};

describe('SightingsTracker (reference §4.2)', () => {
  it('links a redelivered eventId to its first sighting, once', () => {
    const tracker = new SightingsTracker();
    see(tracker, 'x1', delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    expect(see(tracker, 'x2', delivery('e1', [['u1', '2026-01-01T00:00:01Z']]))).toEqual({
      repeatOf: 'x1',
      repeatedEvents: [],
      outOfOrder: [],
    });
    expect(see(tracker, 'x3', delivery('e1', [['u1', '2026-01-01T00:00:01Z']])).repeatOf).toBe('x1');
  });

  it('links an event repeated in another batch', () => {
    const tracker = new SightingsTracker();
    see(tracker, 'x1', delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    expect(
      see(
        tracker,
        'x2',
        delivery('e2', [
          ['u2', '2026-01-01T00:00:02Z'],
          ['u1', '2026-01-01T00:00:01Z'],
        ]),
      ).repeatedEvents,
    ).toEqual([{ uuid: 'u1', firstExchangeId: 'x1' }]);
  });

  it('flags events published before one already received from the same hook only', () => {
    const tracker = new SightingsTracker();
    see(tracker, 'x1', delivery('e1', [['u2', '2026-01-01T00:00:05Z']]));
    expect(
      see(
        tracker,
        'x2',
        delivery('e2', [
          ['u1', '2026-01-01T00:00:03Z'],
          ['u3', '2026-01-01T00:00:06Z'],
        ]),
      ).outOfOrder,
    ).toEqual(['u1']);
    expect(see(tracker, 'x3', delivery('e3', [['u9', '2026-01-01T00:00:01Z']], 'whoB')).outOfOrder).toEqual(
      [],
    );
  });

  it('does not remember what was only judged (a delivery that could not be stored)', () => {
    const tracker = new SightingsTracker();
    tracker.judge(delivery('e1', [['u1', '2026-01-01T00:00:01Z']]));
    expect(tracker.judge(delivery('e1', [['u1', '2026-01-01T00:00:01Z']])).repeatOf).toBeUndefined();
  });
});
