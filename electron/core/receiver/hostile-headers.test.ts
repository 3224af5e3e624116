import { describe, expect } from 'vitest';
import type { TestCore } from '../../../test-support/engine/core-fixture';
import { CORPUS_SECRET, runCorpus, type HostileCase } from '../../../test-support/engine/hostile-corpus';
import { startTarget } from '../../../test-support/engine/target-server';
import { head, rawRequest } from '../../../test-support/engine/raw-socket';

type Target = { port: number; path: string };

/** A POST of `{}` with the right secret plus `extra` header lines, written as raw bytes. */
const postWith =
  (
    extra: [string, string][],
    options: { target?: string; encoding?: BufferEncoding; untilClose?: boolean } = {},
  ) =>
  ({ port, path }: Target) => {
    const headers: [string, string][] = [
      ['Host', `127.0.0.1:${port}`],
      ['Content-Type', 'application/json'],
      ...extra,
      ['Content-Length', '2'],
    ];
    const bytes = Buffer.from(
      head(`POST ${options.target ?? path} HTTP/1.1`, headers) + '{}',
      options.encoding ?? 'latin1',
    );
    return rawRequest(port, [bytes], options.untilClose ? {} : { responses: 1 });
  };

const authorized = (extra: [string, string][] = []): [string, string][] => [
  ['Authorization', CORPUS_SECRET],
  ...extra,
];

const headerValue = (name: string) => (e: { request: { headers: [string, string][] } } | undefined) =>
  e?.request.headers.find(([n]) => n === name)?.[1];

const refusedByParser = (name: string, extra: [string, string][]): HostileCase => ({
  name,
  send: postWith(authorized(extra), { untilClose: true }),
  answers: [400],
  closes: true,
  records: 0,
});

const cases: HostileCase[] = [
  {
    name: 'a 64 KB request URL: 431 (over the 32 KiB head limit), closed, nothing recorded',
    send: ({ port, path }: Target) =>
      postWith(authorized(), { target: `${path}?${'q'.repeat(64 * 1024)}`, untilClose: true })({
        port,
        path,
      }),
    answers: [431],
    closes: true,
    records: 0,
  },
  {
    name: 'a 16 KB query string (within the limit): 204, the query stored exactly',
    send: ({ port, path }: Target) =>
      postWith(authorized(), { target: `${path}?q=${'%41'.repeat(5000)}` })({ port, path }),
    answers: [204],
    records: 1,
    check: ([e]) => expect(e?.request.query).toBe(`q=${'%41'.repeat(5000)}`),
  },
  {
    name: '10,000 headers: 431 (over the 32 KiB head limit), closed, nothing recorded',
    send: postWith(authorized(Array.from({ length: 10_000 }, (_, i): [string, string] => [`X-H${i}`, 'v'])), {
      untilClose: true,
    }),
    answers: [431],
    closes: true,
    records: 0,
  },
  {
    name: 'one 1 MB header: 431, closed, nothing recorded',
    send: postWith(authorized([['X-Big', 'b'.repeat(1024 * 1024)]]), { untilClose: true }),
    answers: [431],
    closes: true,
    records: 0,
  },
  {
    name: '2,500 small headers within the head limit: 204, every one kept (none dropped silently)',
    send: postWith(authorized(Array.from({ length: 2_500 }, (_, i): [string, string] => [`X${i}`, '1']))),
    answers: [204],
    records: 1,
    check: ([e]) => expect(e?.request.headers.filter(([n]) => /^X\d+$/.test(n))).toHaveLength(2_500),
  },
  {
    name: 'the right secret in two Authorization headers: 401, recorded as sent twice',
    send: postWith(authorized([['Authorization', CORPUS_SECRET]])),
    answers: [401],
    records: 1,
    check: ([e]) =>
      expect(e?.auth).toMatchObject({ result: 'mismatch', message: expect.stringMatching(/sent 2 times/) }),
  },
  {
    name: 'a wrong and the right Authorization header: 401, both values recorded in order',
    send: postWith([
      ['Authorization', 'Basic d3Jvbmc='],
      ['Authorization', CORPUS_SECRET],
    ]),
    answers: [401],
    records: 1,
    check: ([e]) =>
      expect(e?.request.headers.filter(([n]) => n === 'Authorization').map(([, v]) => v)).toEqual([
        'Basic d3Jvbmc=',
        CORPUS_SECRET,
      ]),
  },
  {
    name: 'UTF-8 in a header value: 204, recorded as the text that was sent',
    send: postWith(authorized([['X-Name', 'Zoë 🚀 漢字']]), { encoding: 'utf8' }),
    answers: [204],
    records: 1,
    check: ([e]) => expect(headerValue('X-Name')(e)).toBe('Zoë 🚀 漢字'),
  },
  {
    name: 'a Latin-1 byte that is not UTF-8 in a header value: 204, recorded byte for byte',
    send: postWith(authorized([['X-Name', 'caf\u00e9']])),
    answers: [204],
    records: 1,
    check: ([e]) => expect(headerValue('X-Name')(e)).toBe('caf\u00e9'),
  },
  {
    name: 'a non-ASCII secret sent as UTF-8: 204, the secret matches',
    settings: { secret: 'Basic zoë-ünïcode-✓' },
    send: postWith([['Authorization', 'Basic zoë-ünïcode-✓']], { encoding: 'utf8' }),
    answers: [204],
    records: 1,
    check: ([e]) => expect(e?.auth.result).toBe('ok'),
  },
  {
    name: 'obs-text and tabs in a header value: 204, kept as sent',
    send: postWith(authorized([['X-Odd', 'a\tb\u00ff']])),
    answers: [204],
    records: 1,
    check: ([e]) => expect(headerValue('X-Odd')(e)).toBe('a\tb\u00ff'),
  },
  refusedByParser('a control character (0x01) in a header value: 400, closed, nothing recorded', [
    ['X-Ctl', 'a\u0001b'],
  ]),
  refusedByParser('a NUL byte in a header value: 400, closed, nothing recorded', [['X-Nul', 'a\u0000b']]),
  refusedByParser('a bare CR inside a header value (response splitting): 400, closed, nothing recorded', [
    ['X-Cr', 'a\rInjected: 1'],
  ]),
  refusedByParser('a space inside a header name: 400, closed, nothing recorded', [['X Bad', '1']]),
  refusedByParser('a folded (obs-fold) header line: 400, closed, nothing recorded', [
    ['X-Fold', 'a\r\n  continued'],
  ]),
];

/** Every header list the UI is given for `id`, as it is given them (masked). */
async function listsShown(core: TestCore, id: string): Promise<string> {
  const shown = await core.call('exchanges.get', { id });
  return JSON.stringify([
    shown.request.headers,
    shown.response.headers,
    shown.forward?.headers,
    shown.forward?.response?.headers,
  ]);
}

const forwarded: HostileCase[] = [
  {
    name: 'a delivery forwarded to a handler that echoes the secret back: 200, the secret masked in every header list shown',
    send: async ({ port, path, core }) => {
      const handler = await startTarget((request, response) => {
        const at = request.rawHeaders.findIndex((name) => /^authorization$/i.test(name));
        response.writeHead(200, { 'X-Echo': request.rawHeaders[at + 1] ?? '' }).end();
      });
      try {
        await core.call('settings.update', {
          forward: { target: handler.url, timeoutMs: 5000, verification: 'auto' },
        });
        const outcome = await postWith(authorized())({ port, path });
        const { items } = await core.call('exchanges.list', { limit: 1 });
        expect(await listsShown(core, items[0]!.id)).not.toContain(CORPUS_SECRET.slice('Basic '.length));
        await core.call('settings.update', {
          forward: { target: null, timeoutMs: 5000, verification: 'auto' },
        });
        return outcome;
      } finally {
        await handler.close();
      }
    },
    answers: [200],
    records: 1,
    check: ([e]) => {
      expect(e?.forward?.headers).toContainEqual(['Authorization', CORPUS_SECRET]);
      expect(e?.forward?.response?.headers).toContainEqual(['X-Echo', CORPUS_SECRET]);
    },
  },
];

describe('hostile input: request line and headers', () => runCorpus(cases));
describe('hostile input: headers passed on to a handler', () => runCorpus(forwarded));
