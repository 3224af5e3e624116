import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { HeaderList } from '../../../shared/model/exchange';
import { decodeDelivery } from '../../../shared/okta/envelope';
import { checkAuth, constantTimeEqual } from './auth-check';
import { headerPairs, headerText, splitTarget } from './headers-and-target';
import { RECORD_BOUND } from '../../../test-support/engine/hostile-corpus';
import { toBodyData } from './body-data';
import { MAX_EXPANSION, readDelivery } from './content-decoding';

const LIMIT = 64 * 1024;
const COMPRESS = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync } as const;

/** Header names as a client may send them: tokens in any case, often the ones that matter. */
const headerName = fc.oneof(
  fc.constantFrom(
    'Authorization',
    'authorization',
    'AUTHORIZATION',
    'Content-Encoding',
    'Content-Type',
    'X-Okta-Secret',
  ),
  fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/),
);
const headerList = fc.array(fc.tuple(headerName, fc.string({ maxLength: 40 })), { maxLength: 12 });
/** Any JS string, lone surrogates included (UTF-8 turns each into the same U+FFFD). */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\ud800', '\udc00', '\ufffd', '\ud800\udc00'),
);
/** Secrets that cannot occur by chance in the messages we check them against. */
const secret = fc.string({ minLength: 4, maxLength: 30 }).map((s) => `S3cr3t-${s}`);

describe('envelope decoding over the wire (property)', () => {
  it('never throws, never decodes past the limit, and never changes the stored bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), headerList, async (bytes, headers) => {
        const body = Buffer.from(bytes);
        const copy = Buffer.from(body);
        const read = await readDelivery(body, headers, LIMIT);
        expect(body.equals(copy)).toBe(true);
        expect(Array.isArray(read.okta.events)).toBe(true);
        expect(read.decodedBody?.size ?? 0).toBeLessThanOrEqual(LIMIT);
      }),
    );
  });

  it('reads the same events from a JSON body however it was compressed or marked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.json({ maxDepth: 4 }),
        fc.constantFrom('identity', 'gzip', 'deflate', 'br'),
        fc.boolean(),
        async (json, coding, bom) => {
          const plain = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(json)]);
          const sent = coding === 'identity' ? plain : COMPRESS[coding](plain);
          const read = await readDelivery(
            sent,
            [
              ['Content-Encoding', coding],
              ['Content-Type', 'application/json'],
            ],
            LIMIT,
          );
          expect(read.okta).toEqual(decodeDelivery(json).okta);
        },
      ),
    );
  });
});

/** Bodies shaped to amplify: many tiny events, long fields, many targets, odd values. */
const amplifier = fc
  .tuple(
    fc.array(
      fc.constantFrom(
        '{}',
        '[]',
        'null',
        '{"target":[{},{},{},{}]}',
        '{"debugContext":{"debugData":{"targetEventHookIds":",,,,"}}}',
      ),
      { maxLength: 3000, size: 'max' },
    ),
    fc.array(
      fc.oneof(
        fc
          .string({ maxLength: 2000 })
          .map((text) => JSON.stringify({ eventType: text, displayMessage: text })),
        fc.json({ maxDepth: 2 }),
      ),
      { maxLength: 20 },
    ),
  )
  .map(([tiny, odd]) => `{"eventId":"x","data":{"events":[${[...tiny, ...odd].join(',')}]}}`);

describe('what a delivery costs (property)', () => {
  it('records at most RECORD_BOUND: a fixed multiple of its (decompressed) bytes plus a fixed part', async () => {
    await fc.assert(
      fc.asyncProperty(amplifier, fc.constantFrom('identity', 'gzip'), async (json, coding) => {
        const plain = Buffer.from(json);
        const sent = coding === 'identity' ? plain : COMPRESS[coding](plain);
        const read = await readDelivery(sent, [['Content-Encoding', coding]], 10 * 1024 * 1024);
        const decoded = read.decodedBody?.size ?? 0;
        expect(decoded).toBeLessThanOrEqual(MAX_EXPANSION * sent.length);
        const record = { body: toBodyData(sent), ...read, parsed: undefined };
        const cost = Buffer.byteLength(JSON.stringify(record));
        expect(cost).toBeLessThanOrEqual(RECORD_BOUND.perByte * (sent.length + decoded) + RECORD_BOUND.fixed);
      }),
    );
  });
});

describe('header handling and the secret check (property)', () => {
  it('compares in constant time exactly as === does', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b);
        expect(constantTimeEqual(a, a)).toBe(true);
      }),
    );
  });

  it('accepts exactly one header with the exact secret, and never repeats the secret', () => {
    fc.assert(
      fc.property(headerList, secret, fc.boolean(), (headers, value, include) => {
        const sent: HeaderList = include ? [...headers, ['Authorization', value]] : headers;
        const check = checkAuth(sent, { authHeader: 'Authorization', requiredHeaders: [] }, value);
        const carriers = sent.filter(([name]) => name.toLowerCase() === 'authorization');
        const expected = carriers.length === 1 && carriers[0]?.[1] === value;
        expect(check.result === 'ok').toBe(expected);
        expect(check.message ?? '').not.toContain(value);
      }),
    );
  });

  it('keeps header pairs in order and reads header bytes losslessly', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string())), (pairs) => {
        expect(headerPairs(pairs.flat()).map(([name]) => name)).toEqual(pairs.map(([name]) => name));
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const latin1 = Buffer.from(bytes).toString('latin1');
        const text = headerText(latin1);
        const back = isUtf8(bytes) ? Buffer.from(text, 'utf8') : Buffer.from(text, 'latin1');
        expect(back.equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });
});

describe('request target splitting (property)', () => {
  it('splits at the first ? into a path without ? and the raw query, losing nothing', () => {
    fc.assert(
      fc.property(fc.string(), (target) => {
        const { path, query } = splitTarget(target);
        expect(path).not.toContain('?');
        expect(target.includes('?') ? `${path}?${query}` : path).toBe(target);
        if (!target.includes('?')) expect(query).toBe('');
      }),
    );
  });
});
