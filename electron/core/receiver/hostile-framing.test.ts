import { describe, expect } from 'vitest';
import { CORPUS_SECRET, runCorpus, type HostileCase } from '../testing/hostile-corpus';
import { payloadText } from '../testing/payloads';
import { collect, head, openRaw, rawRequest } from '../testing/raw-socket';

const FIXTURE = payloadText('01-user-session-start.json');
const LIMIT = 4096;

type Target = { port: number; path: string };

const delivery = (port: number, framing: [string, string][]): [string, string][] => [
  ['Host', `127.0.0.1:${port}`],
  ['Authorization', CORPUS_SECRET],
  ['Content-Type', 'application/json'],
  ...framing,
];

const length = (body: string): [string, string] => ['Content-Length', String(Buffer.byteLength(body))];

const chunked = (body: string, size = 100) => {
  const parts: string[] = [];
  for (let i = 0; i < body.length; i += size) {
    const chunk = body.slice(i, i + size);
    parts.push(`${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`);
  }
  return `${parts.join('')}0\r\n\r\n`;
};

const cases: HostileCase[] = [
  {
    name: 'a chunked body without Content-Length: 204, reassembled and decoded',
    send: ({ port, path }: Target) =>
      rawRequest(
        port,
        [head(`POST ${path} HTTP/1.1`, delivery(port, [['Transfer-Encoding', 'chunked']])), chunked(FIXTURE)],
        { responses: 1 },
      ),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.text).toBe(FIXTURE);
      expect(e?.okta.events).toHaveLength(1);
    },
  },
  {
    name: 'chunked and a Content-Length together (request smuggling): 400, connection closed, nothing recorded',
    send: ({ port, path }: Target) =>
      rawRequest(port, [
        head(`POST ${path} HTTP/1.1`, delivery(port, [length(FIXTURE), ['Transfer-Encoding', 'chunked']])),
        chunked(FIXTURE),
      ]),
    answers: [400],
    closes: true,
    records: 0,
  },
  {
    name: 'a Content-Length shorter than the body: 204 for the declared bytes, then 400 for the rest and closed',
    send: ({ port, path }: Target) =>
      rawRequest(port, [head(`POST ${path} HTTP/1.1`, delivery(port, [['Content-Length', '10']])), FIXTURE]),
    answers: [204, 400],
    closes: true,
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.text).toBe(FIXTURE.slice(0, 10));
      expect(e?.problems.map((p) => p.code)).toEqual(['not-json']);
    },
  },
  {
    name: 'a Content-Length longer than the body, then the client stops sending: no answer, recorded as aborted',
    send: ({ port, path }: Target) =>
      rawRequest(
        port,
        [head(`POST ${path} HTTP/1.1`, delivery(port, [['Content-Length', '100000']])), FIXTURE],
        { halfClose: true },
      ),
    answers: [],
    closes: true,
    records: 1,
    check: ([e]) => {
      expect(e?.response.status).toBe(0);
      expect(e?.request.body.text).toBe(FIXTURE);
      expect(e?.problems.map((p) => p.code)).toEqual(['aborted']);
    },
  },
  {
    name: 'an upload aborted mid-body (socket destroyed): no answer, recorded as aborted with the bytes that came',
    send: async ({ port, path }: Target) => {
      const socket = await openRaw(port);
      const outcome = collect(socket, { timeoutMs: 300 });
      socket.write(head(`POST ${path} HTTP/1.1`, delivery(port, [length(FIXTURE)])));
      socket.write(FIXTURE.slice(0, 100), () => setTimeout(() => socket.destroy(), 50));
      return outcome;
    },
    answers: [],
    records: 1,
    check: ([e]) => {
      expect(e?.response.status).toBe(0);
      expect(e?.request.body.text).toBe(FIXTURE.slice(0, 100));
    },
  },
  {
    name: 'a body of limit+1 bytes with Content-Length: 413, marked truncated, connection still usable',
    settings: { bodyLimitBytes: LIMIT },
    send: ({ port, path }: Target) =>
      rawRequest(
        port,
        [
          head(`POST ${path} HTTP/1.1`, delivery(port, [['Content-Length', String(LIMIT + 1)]])),
          'x'.repeat(LIMIT + 1),
        ],
        { responses: 1 },
      ),
    answers: [413],
    records: 1,
    check: ([e]) => {
      expect(e?.response.status).toBe(413);
      expect(e?.request.body).toMatchObject({ size: LIMIT + 1, truncated: true });
    },
  },
  {
    name: 'a 4 MB body against a 4 KiB limit, then a delivery on the same connection: 413 at once (no reset), then 204',
    settings: { bodyLimitBytes: LIMIT },
    send: ({ port, path }: Target) =>
      rawRequest(
        port,
        [
          head(`POST ${path} HTTP/1.1`, delivery(port, [['Content-Length', String(4_000_000)]])),
          'z'.repeat(4_000_000),
          head(`POST ${path} HTTP/1.1`, delivery(port, [length(FIXTURE)])) + FIXTURE,
        ],
        { responses: 2 },
      ),
    answers: [413, 204],
    records: 2,
    check: ([e]) => expect(e?.request.body).toMatchObject({ size: 4_000_000, truncated: true }),
  },
  {
    name: 'a 4 MB chunked body against a 4 KiB limit: 413 read by the client (no reset), first 4 KiB kept',
    settings: { bodyLimitBytes: LIMIT },
    send: ({ port, path }: Target) =>
      rawRequest(
        port,
        [
          head(`POST ${path} HTTP/1.1`, delivery(port, [['Transfer-Encoding', 'chunked']])),
          chunked('w'.repeat(4_000_000), 65_536),
        ],
        { responses: 1 },
      ),
    answers: [413],
    records: 1,
    check: ([e]) => expect(e?.request.body).toMatchObject({ text: 'w'.repeat(LIMIT), truncated: true }),
  },
  {
    name: 'a 1 MB chunked body over the limit, then a delivery on the same connection: 413, then 204 (drained, not stalled or reset)',
    settings: { bodyLimitBytes: LIMIT },
    send: async ({ port, path }: Target) => {
      const socket = await openRaw(port);
      const outcome = collect(socket, { responses: 2, timeoutMs: 5_000 });
      socket.write(head(`POST ${path} HTTP/1.1`, delivery(port, [['Transfer-Encoding', 'chunked']])));
      socket.write(chunked('v'.repeat(1_000_000), 65_536));
      socket.write(head(`POST ${path} HTTP/1.1`, delivery(port, [length(FIXTURE)])) + FIXTURE);
      return outcome;
    },
    answers: [413, 204],
    records: 2,
    check: ([big, next]) => {
      expect(big?.request.body).toMatchObject({ text: 'v'.repeat(LIMIT), truncated: true });
      expect(next?.okta.events).toHaveLength(1);
    },
  },
  {
    name: 'a chunked body of limit+1 bytes: 413, the first limit bytes kept and marked truncated',
    settings: { bodyLimitBytes: LIMIT },
    send: ({ port, path }: Target) =>
      rawRequest(
        port,
        [
          head(`POST ${path} HTTP/1.1`, delivery(port, [['Transfer-Encoding', 'chunked']])),
          chunked('y'.repeat(LIMIT + 1)),
        ],
        { responses: 1 },
      ),
    answers: [413],
    records: 1,
    check: ([e]) => expect(e?.request.body).toMatchObject({ text: 'y'.repeat(LIMIT), truncated: true }),
  },
  {
    name: 'HTTP/1.0 without Host: 204 and closed (no keep-alive in 1.0), recorded as HTTP 1.0',
    send: ({ port, path }: Target) =>
      rawRequest(port, [
        head(`POST ${path} HTTP/1.0`, [
          ['Authorization', CORPUS_SECRET],
          ['Content-Type', 'application/json'],
          length(FIXTURE),
        ]),
        FIXTURE,
      ]),
    answers: [204],
    closes: true,
    records: 1,
    check: ([e]) => expect(e?.request.httpVersion).toBe('1.0'),
  },
  {
    name: 'HTTP/1.1 without Host: 400 and closed, nothing recorded',
    send: ({ port, path }: Target) =>
      rawRequest(port, [
        head(`POST ${path} HTTP/1.1`, [['Authorization', CORPUS_SECRET], length(FIXTURE)]),
        FIXTURE,
      ]),
    answers: [400],
    closes: true,
    records: 0,
  },
  {
    name: 'three pipelined deliveries in one write: three 204s in order, three records in order',
    send: ({ port, path }: Target) => {
      const one = (n: number) => {
        const body = FIXTURE.replace('"eventId": "', `"eventId": "${n}-`);
        return head(`POST ${path} HTTP/1.1`, delivery(port, [length(body)])) + body;
      };
      return rawRequest(port, [one(1) + one(2) + one(3)], { responses: 3 });
    },
    answers: [204, 204, 204],
    records: 3,
    check: (recorded) => expect(recorded.map((e) => e.okta.eventId?.slice(0, 2))).toEqual(['1-', '2-', '3-']),
  },
  {
    name: 'Expect: 100-continue: 100 Continue, then the body, then 204',
    send: async ({ port, path }: Target) => {
      const socket = await openRaw(port);
      const outcome = collect(socket, { responses: 1 });
      socket.write(
        head(`POST ${path} HTTP/1.1`, delivery(port, [length(FIXTURE), ['Expect', '100-continue']])),
      );
      socket.once('data', () => socket.write(FIXTURE));
      const result = await outcome;
      expect(result.statuses).toEqual([100, 204]);
      return result;
    },
    answers: [204],
    records: 1,
  },
  {
    name: 'an unknown method (BREW): 400 from the parser, closed, nothing recorded',
    send: ({ port, path }: Target) => rawRequest(port, [head(`BREW ${path} HTTP/1.1`, delivery(port, []))]),
    answers: [400],
    closes: true,
    records: 0,
  },
  {
    name: 'a method Okta never sends (PATCH): 405 with Allow, recorded and flagged',
    send: ({ port, path }: Target) =>
      rawRequest(port, [head(`PATCH ${path} HTTP/1.1`, delivery(port, [length('{}')])), '{}'], {
        responses: 1,
      }),
    answers: [405],
    records: 1,
    check: ([e], outcome) => {
      expect(outcome.responses[0]?.headers.allow).toBe('GET, POST');
      expect(e?.problems.map((p) => p.code)).toEqual(['method']);
    },
  },
  {
    name: 'a malformed chunk size mid-body: connection closed without an answer, recorded as aborted',
    send: ({ port, path }: Target) =>
      rawRequest(port, [
        head(`POST ${path} HTTP/1.1`, delivery(port, [['Transfer-Encoding', 'chunked']])),
        '5\r\nhello\r\nZZ\r\n',
      ]),
    answers: [],
    closes: true,
    records: 1,
    check: ([e]) => expect(e?.response.status).toBe(0),
  },
];

describe('hostile input: HTTP framing', () => runCorpus(cases));
