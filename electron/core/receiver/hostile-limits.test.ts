import { describe, expect } from 'vitest';
import { chunked, delivery, length, type Target } from '../../../test-support/engine/corpus-requests';
import { runCorpus, type HostileCase } from '../../../test-support/engine/hostile-corpus';
import { payloadText } from '../../../test-support/engine/payloads';
import { collect, head, openRaw, rawRequest } from '../../../test-support/engine/raw-socket';

const FIXTURE = payloadText('01-user-session-start.json');
/** Just above the fixture the runner delivers afterwards, which must still fit. */
const LIMIT = 4096;

const cases: HostileCase[] = [
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
];

describe('hostile input: bodies over the size limit', () => runCorpus(cases));
