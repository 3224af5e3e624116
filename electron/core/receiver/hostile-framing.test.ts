import { describe, expect } from 'vitest';
import { CORPUS_SECRET, runCorpus, type HostileCase } from '../../../test-support/engine/hostile-corpus';
import { payloadText } from '../../../test-support/engine/payloads';
import { chunked, delivery, length, type Target } from '../../../test-support/engine/corpus-requests';
import { collect, head, openRaw, rawRequest } from '../../../test-support/engine/raw-socket';

const FIXTURE = payloadText('01-user-session-start.json');

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
    name: 'two different Content-Length headers: 400, closed, nothing recorded',
    send: ({ port, path }: Target) =>
      rawRequest(port, [
        head(`POST ${path} HTTP/1.1`, delivery(port, [length(FIXTURE), ['Content-Length', '5']])),
        FIXTURE,
      ]),
    answers: [400],
    closes: true,
    records: 0,
  },
  {
    name: 'an unknown Transfer-Encoding (gzip, not chunked): closed without an answer, recorded as aborted with the reason',
    send: ({ port, path }: Target) =>
      rawRequest(port, [
        head(`POST ${path} HTTP/1.1`, delivery(port, [['Transfer-Encoding', 'gzip']])),
        FIXTURE,
      ]),
    answers: [],
    closes: true,
    records: 1,
    check: ([e]) => {
      expect(e?.response.status).toBe(0);
      expect(e?.problems[0]?.message).toMatch(/not valid HTTP framing \(.*Transfer-Encoding/);
    },
  },
  {
    name: 'an absolute-form target (proxy style): 404, recorded with the target as sent',
    send: ({ port, path }: Target) =>
      rawRequest(
        port,
        [head(`POST http://evil.example${path} HTTP/1.1`, delivery(port, [length(FIXTURE)])), FIXTURE],
        { responses: 1 },
      ),
    answers: [404],
    records: 1,
    check: ([e]) => {
      expect(e?.request.path).toMatch(/^http:\/\/evil\.example\//);
      expect(e?.problems.map((p) => p.code)).toEqual(['wrong-path']);
    },
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
    check: ([e]) => {
      expect(e?.response.status).toBe(0);
      expect(e?.problems[0]?.message).toMatch(/not valid HTTP framing \(.*chunk/i);
    },
  },
];

describe('hostile input: HTTP framing', () => runCorpus(cases));
