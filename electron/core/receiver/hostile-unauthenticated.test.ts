import { describe, expect } from 'vitest';
import { CORPUS_SECRET, runCorpus, type HostileCase } from '../testing/hostile-corpus';
import { deliver } from '../testing/http-client';
import { payloadJson, payloadText } from '../testing/payloads';
import { type RawOutcome } from '../testing/raw-socket';

const FIXTURE = payloadText('01-user-session-start.json');

type Delivery = { eventId: string; data: { events: { uuid: string; published: string }[] } };

/** The fixture as another delivery whose one event claims to be published in `year`. */
function publishedIn(year: number): string {
  const delivery = payloadJson<Delivery>('01-user-session-start.json');
  delivery.eventId = `claims-${year}`;
  for (const event of delivery.data.events) {
    event.uuid = `uuid-${year}`;
    event.published = `${year}-01-01T00:00:00.000Z`;
  }
  return JSON.stringify(delivery);
}

/** Send requests over HTTP one after the other; the outcome lists their statuses. */
async function inTurn(url: string, requests: [body: string, secret: string][]): Promise<RawOutcome> {
  const responses = [];
  for (const [body, secret] of requests) {
    const res = await deliver(url, body, [['Authorization', secret]]);
    responses.push({ status: res.status, headers: {}, body: res.text });
  }
  return { responses, statuses: responses.map((r) => r.status), closed: false, text: '' };
}

const cases: HostileCase[] = [
  {
    name: 'a refused delivery claiming an event published in 2999, then a real one: 401, 204, the real one in order',
    send: ({ core }) =>
      inTurn(core.hookUrl, [
        [publishedIn(2999), 'Basic d3Jvbmc='],
        [FIXTURE, CORPUS_SECRET],
      ]),
    answers: [401, 204],
    records: 2,
    check: ([refused, real]) => {
      expect(refused?.sightings).toBeUndefined();
      expect(real?.sightings).toEqual({ repeatedEvents: [], outOfOrder: [] });
    },
  },
  {
    name: 'a refused copy of a real delivery, then the real one: 401, 204, the real one not a redelivery',
    send: ({ core }) =>
      inTurn(core.hookUrl, [
        [FIXTURE, 'Basic d3Jvbmc='],
        [FIXTURE, CORPUS_SECRET],
      ]),
    answers: [401, 204],
    records: 2,
    check: ([, real]) => expect(real?.sightings).toEqual({ repeatedEvents: [], outOfOrder: [] }),
  },
];

describe('hostile input: requests that fail the secret check', () => runCorpus(cases));
