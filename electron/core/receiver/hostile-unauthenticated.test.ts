import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect } from 'vitest';
import { MAX_DECODED_EVENTS } from '../../../shared/okta/envelope';
import {
  CORPUS_SECRET,
  expectBoundedRecord,
  runCorpus,
  type HostileCase,
} from '../../../test-support/engine/hostile-corpus';
import { deliver } from '../../../test-support/engine/http-client';
import { payloadJson, payloadText } from '../../../test-support/engine/payloads';
import { answered, withheldBodies } from '../../../test-support/engine/corpus-requests';
import { collect, head, rawRequest, type RawOutcome } from '../../../test-support/engine/raw-socket';

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
  const statuses = [];
  for (const [body, secret] of requests)
    statuses.push((await deliver(url, body, [['Authorization', secret]])).status);
  return answered(statuses);
}

/** The first `count` of `promises` to settle, in the order they did. */
function firstSettled<T>(promises: Promise<T>[], count: number): Promise<T[]> {
  const settled: T[] = [];
  return new Promise((resolve) => {
    for (const promise of promises) {
      void promise.then((value) => {
        settled.push(value);
        if (settled.length === count) resolve([...settled]);
      });
    }
  });
}

const WRONG: [string, string] = ['Authorization', 'Basic d3Jvbmc='];
const MIB = 1024 * 1024;

const cases: HostileCase[] = [
  {
    name: 'a refused delivery claiming an event published in 2999, then a real one: 401, 204, the real one in order',
    send: ({ core }) =>
      inTurn(core.hookUrl, [
        [publishedIn(2999), WRONG[1]],
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
        [FIXTURE, WRONG[1]],
        [FIXTURE, CORPUS_SECRET],
      ]),
    answers: [401, 204],
    records: 2,
    check: ([, real]) => expect(real?.sightings).toEqual({ repeatedEvents: [], outOfOrder: [] }),
  },
];

/** The memory for bodies: what arrived is reserved, and some of it only for the right secret. */
const budget: HostileCase[] = [
  {
    name: '40 connections announcing 8 MiB bodies (together more than the 256 MiB budget) with a wrong secret and sending none, a real delivery meanwhile: 204',
    send: async ({ port, path, core }) => {
      const idle = await withheldBodies({ port, path }, 40, [WRONG, ['Content-Length', String(8 * MIB)]]);
      const status = (await deliver(core.hookUrl, FIXTURE, [['Authorization', CORPUS_SECRET]])).status;
      for (const socket of idle) socket.destroy();
      return answered([status]);
    },
    answers: [204],
    // Each idle request is recorded as aborted when its client goes.
    records: 41,
    check: (recorded) => {
      const aborted = recorded.filter((e) => e.auth.result === 'mismatch');
      expect(aborted).toHaveLength(40);
      for (const e of aborted) expect(e.problems.map((p) => p.code)).toContain('aborted');
    },
  },
  {
    name: 'eight bodies with a wrong secret against an 8 KiB budget: 503 for the four past their quarter of it, 204 for a real delivery',
    limits: { bodyBudgetBytes: 8 * 1024 },
    settings: { bodyLimitBytes: 8 * 1024 },
    send: async ({ port, path, core }) => {
      // Each announces 1,000 bytes and sends 500: a quarter of 8 KiB holds four of them.
      const stalled = await withheldBodies(
        { port, path },
        8,
        [WRONG, ['Content-Length', '1000']],
        'x'.repeat(500),
      );
      const outcomes = stalled.map((socket) => collect(socket, { responses: 1, timeoutMs: 30_000 }));
      const refused = await firstSettled(outcomes, 4);
      const real = (await deliver(core.hookUrl, FIXTURE, [['Authorization', CORPUS_SECRET]])).status;
      for (const socket of stalled) socket.destroy();
      return answered([...refused.flatMap((o) => o.responses.map((r) => r.status)), real]);
    },
    answers: [503, 503, 503, 503, 204],
    // The four still sending are recorded as aborted when their clients go; the refused are not.
    records: 5,
  },
];

/** A delivery of `count` empty events: 3 bytes each, hundreds each once summarised. */
const emptyEvents = (count: number) => `{"data":{"events":[${Array(count).fill('{}').join(',')}]}}`;
const SPAM = emptyEvents(97_000);
const GZIP_SPAM = gzipSync(emptyEvents(200_000), { level: 9 });
/** Events that compress about as much as real ones. */
const SMALL_EVENTS = JSON.stringify({
  data: { events: Array.from({ length: 5000 }, (_, i) => ({ uuid: randomUUID(), eventType: `t.${i}` })) },
});
/** 10 MiB of empty events in about 10 KB. */
const GZIP_BOMB = gzipSync(emptyEvents(3_495_000), { level: 9 });

/** A POST to the hook path with these bytes as the body and this secret. */
const post =
  (body: Buffer | string, secret: string, encoding?: string) =>
  ({ port, path }: { port: number; path: string }) => {
    const bytes = Buffer.from(body);
    const headers: [string, string][] = [
      ['Host', `127.0.0.1:${port}`],
      ['Authorization', secret],
      ['Content-Type', 'application/json'],
      ...(encoding ? [['Content-Encoding', encoding] as [string, string]] : []),
      ['Content-Length', String(bytes.length)],
    ];
    return rawRequest(port, [head(`POST ${path} HTTP/1.1`, headers), bytes], { responses: 1 });
  };

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

/** Bodies built to cost far more as records than they did as requests. */
const amplifiers: HostileCase[] = [
  {
    name: '293 KB of empty events with a wrong secret: 401, kept as 64 KiB of bytes, nothing decoded',
    send: post(SPAM, WRONG[1]),
    answers: [401],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body).toMatchObject({ size: SPAM.length, truncated: true });
      expect(e?.okta.events).toEqual([]);
      expect(codes(e!.problems)).toEqual(['not-decoded']);
      expectBoundedRecord(e, SPAM.length);
    },
  },
  {
    name: 'a 1 KB gzip of 200,000 empty events with a wrong secret: 401, not decompressed, a small record',
    send: post(GZIP_SPAM, WRONG[1], 'gzip'),
    answers: [401],
    records: 1,
    check: ([e]) => {
      expect(e?.request.decodedBody).toBeUndefined();
      expect(e?.okta.events).toEqual([]);
      expectBoundedRecord(e, GZIP_SPAM.length);
    },
  },
  {
    name: '293 KB of empty events with the right secret: 204, a bounded number decoded, the rest noted',
    send: post(SPAM, CORPUS_SECRET),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.okta.events.length).toBeGreaterThan(0);
      expect(e?.okta.events.length).toBeLessThanOrEqual(MAX_DECODED_EVENTS);
      expect(e?.problems.find((p) => p.code === 'events-not-decoded')?.message).toMatch(
        new RegExp(`^${(97_000 - e!.okta.events.length).toLocaleString('en-US')} more events`),
      );
      expectBoundedRecord(e, SPAM.length);
    },
  },
  {
    name: 'a 10 KB gzip expanding to 10 MiB of empty events with the right secret: 204, not decompressed past 32 times its size',
    send: post(GZIP_BOMB, CORPUS_SECRET, 'gzip'),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.decodedBody).toBeUndefined();
      expect(codes(e!.problems)).toEqual(['decompression-limit']);
      expectBoundedRecord(e, GZIP_BOMB.length);
    },
  },
  {
    name: 'a gzip of 5,000 small events with the right secret: 204, decompressed, at most 1,000 decoded',
    send: post(gzipSync(SMALL_EVENTS), CORPUS_SECRET, 'gzip'),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.decodedBody?.size).toBe(SMALL_EVENTS.length);
      expect(e?.okta.events).toHaveLength(MAX_DECODED_EVENTS);
      expect(e?.problems.find((p) => p.code === 'events-not-decoded')?.message).toMatch(/^4,000 more events/);
      expectBoundedRecord(e, SMALL_EVENTS.length);
    },
  },
];

describe('hostile input: requests that fail the secret check', () => runCorpus(cases));
describe('hostile input: bodies that would cost far more as records', () => runCorpus(amplifiers));
describe('hostile input: the body budget against requests that fail the secret check', () =>
  runCorpus(budget));
