import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect } from 'vitest';
import { FIELD_LIMITS } from '../../../shared/okta/log-event';
import { CORPUS_SECRET, runCorpus, type HostileCase } from '../../../test-support/engine/hostile-corpus';
import { payloadText } from '../../../test-support/engine/payloads';
import { head, rawRequest } from '../../../test-support/engine/raw-socket';

const FIXTURE = payloadText('01-user-session-start.json');
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });

/** A POST to the hook path with the right secret and exactly these bytes as the body. */
const post =
  (body: Buffer | string, extra: [string, string][] = [['Content-Type', 'application/json']]) =>
  ({ port, path }: { port: number; path: string }) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const headers: [string, string][] = [
      ['Host', `127.0.0.1:${port}`],
      ['Authorization', CORPUS_SECRET],
      ...extra,
      ['Content-Length', String(bytes.length)],
    ];
    return rawRequest(port, [head(`POST ${path} HTTP/1.1`, headers), bytes], { responses: 1 });
  };

/** Almost matches `*user*session*` everywhere: what made a backtracking search take seconds. */
const PLANTED = `${'user.'.repeat(48_000)}sessio`;

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

const nested = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);

const cases: HostileCase[] = [
  {
    name: 'malformed JSON: 204, stored with a not-json problem',
    send: post('{"eventType": com.okta.event_hook}'),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.text).toBe('{"eventType": com.okta.event_hook}');
      expect(codes(e!.problems)).toEqual(['not-json']);
    },
  },
  {
    name: 'truncated JSON (a real delivery cut in half): 204, stored as sent with a not-json problem',
    send: post(FIXTURE.slice(0, FIXTURE.length / 2)),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.size).toBe(Buffer.byteLength(FIXTURE.slice(0, FIXTURE.length / 2)));
      expect(codes(e!.problems)).toEqual(['not-json']);
    },
  },
  {
    name: 'JSON with a UTF-8 BOM: 204, events decoded, BOM kept in the stored bytes and flagged',
    send: post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXTURE)])),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.text?.startsWith('\ufeff')).toBe(true);
      expect(e?.okta.events.map((ev) => ev.eventType)).toEqual(['user.session.start']);
      expect(codes(e!.problems)).toEqual(['bom']);
    },
  },
  {
    name: 'arrays nested 100,000 deep: 204, stored, flagged as not an object (no stack overflow)',
    send: post(nested(100_000, '[', ']')),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.size).toBe(200_000);
      expect(codes(e!.problems)).toEqual(['not-object']);
    },
  },
  {
    name: 'objects nested 100,000 deep: 204, stored, flagged as not an Okta envelope',
    send: post(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
    answers: [204],
    records: 1,
    check: ([e]) =>
      expect(codes(e!.problems)).toEqual([
        'envelope-type',
        'event-type-version',
        'cloud-events-version',
        'missing-event-id',
        'event-time',
        'source',
        'missing-events',
      ]),
  },
  {
    name: 'an 8 MB string inside a real envelope: 204, stored whole, events decoded with the message cut in the summary',
    send: post(FIXTURE.replace('"displayMessage": "', `"displayMessage": "${'A'.repeat(8_000_000)}`)),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.size).toBeGreaterThan(8_000_000);
      expect(e?.request.body.truncated).toBe(false);
      expect(e?.okta.events[0]?.displayMessage).toBe(`${'A'.repeat(FIELD_LIMITS.long)}…`);
      expect(e?.okta.events[0]?.eventType).toBe('user.session.start');
      expect(codes(e!.problems)).toEqual(['field-length']);
    },
  },
  {
    name: 'a 240 KB event type: 204, cut to 256 characters in the summary, and a type: search over it still answers',
    send: async (target) => {
      const outcome = await post(
        FIXTURE.replace('"eventType": "user.session.start"', `"eventType": "${PLANTED}"`),
      )(target);
      const found = await target.core.call('exchanges.list', {
        limit: 1,
        query: 'type:*user*session*',
      });
      expect(found.total).toBe(0);
      return outcome;
    },
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.okta.events[0]?.eventType).toBe(`${PLANTED.slice(0, FIELD_LIMITS.short)}…`);
      expect(codes(e!.problems)).toContain('field-length');
    },
  },
  {
    name: 'bytes that are not UTF-8: 204, stored exactly as base64, flagged not-utf8',
    send: post(Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0xfe, 0x7d])),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.base64).toBe(
        Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0xfe, 0x7d]).toString('base64'),
      );
      expect(codes(e!.problems)).toEqual(['not-utf8']);
    },
  },
  {
    name: 'raw NUL bytes inside the JSON: 204, stored byte for byte, flagged not-json',
    send: post('{"eventType":"com.okta\u0000event_hook"}\u0000\u0000'),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.text).toBe('{"eventType":"com.okta\u0000event_hook"}\u0000\u0000');
      expect(codes(e!.problems)).toEqual(['not-json']);
    },
  },
  {
    name: 'an empty POST body: 204, stored, flagged empty-body',
    send: post(''),
    answers: [204],
    records: 1,
    check: ([e]) => expect(codes(e!.problems)).toEqual(['empty-body']),
  },
];

const encoded: HostileCase[] = [
  {
    name: 'a gzip body (Content-Encoding: gzip): 204, raw bytes kept, decompressed to read the events',
    send: post(gzipSync(FIXTURE), [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'gzip'],
    ]),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.base64).toBe(gzipSync(FIXTURE).toString('base64'));
      expect(e?.request.decodedBody?.text).toBe(FIXTURE);
      expect(e?.okta.events.map((ev) => ev.eventType)).toEqual(['user.session.start']);
      expect(codes(e!.problems)).toEqual(['content-encoding']);
    },
  },
  {
    name: 'a deflate body (zlib-wrapped): 204, decompressed to read the events',
    send: post(deflateSync(FIXTURE), [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'deflate'],
    ]),
    answers: [204],
    records: 1,
    check: ([e]) => expect(e?.okta.events).toHaveLength(1),
  },
  {
    name: 'a gzip bomb (64 KB expanding to 64 MB): 204, stored as received, never expanded past the 10 MiB limit',
    send: post(BOMB, [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'gzip'],
    ]),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.decodedBody).toBeUndefined();
      expect(codes(e!.problems)).toEqual(['decompression-limit']);
    },
  },
  {
    name: 'Content-Encoding: gzip on a plain body: 204, stored, flagged as undecodable',
    send: post(FIXTURE, [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'gzip'],
    ]),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.request.body.text).toBe(FIXTURE);
      expect(e?.okta.events).toEqual([]);
      expect(e?.problems[0]?.message).toMatch(/could not be decoded/);
    },
  },
  {
    name: 'an unknown Content-Encoding (compress): 204, stored as received, flagged',
    send: post('x', [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'compress'],
    ]),
    answers: [204],
    records: 1,
    check: ([e]) => expect(e?.problems[0]?.message).toMatch(/"compress", which the inspector cannot decode/),
  },
  {
    name: 'a wrong Content-Type (text/plain): 204, events still decoded, flagged',
    send: post(FIXTURE, [['Content-Type', 'text/plain']]),
    answers: [204],
    records: 1,
    check: ([e]) => {
      expect(e?.okta.events).toHaveLength(1);
      expect(codes(e!.problems)).toEqual(['content-type']);
    },
  },
  {
    name: 'no Content-Type at all: 204, events still decoded, flagged',
    send: post(FIXTURE, []),
    answers: [204],
    records: 1,
    check: ([e]) => expect(e?.problems[0]?.message).toMatch(/no Content-Type/),
  },
];

describe('hostile input: bodies', () => runCorpus(cases));
describe('hostile input: content encodings and types', () => runCorpus(encoded));
