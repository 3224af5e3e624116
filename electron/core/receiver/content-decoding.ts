import { isUtf8 } from 'node:buffer';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';
import type { BodyData, HeaderList, Problem } from '../../../shared/model/exchange';
import { decodeDelivery, type DecodedDelivery } from '../../../shared/okta/envelope';
import { toBodyData } from './body-data';
import { firstHeader } from './classify';

/**
 * What the receiver reads a delivery body as. The stored body stays the bytes as received;
 * this is the text its events are decoded from (and shown), after undoing a Content-Encoding
 * and a byte-order mark. Okta sends neither (https://developer.okta.com/docs/concepts/event-hooks/#http-headers), so each is listed as a problem.
 */
export interface ContentView {
  /**
   * The text to decode as JSON; undefined when the bytes are not UTF-8 text. Made on demand:
   * the receiver itself never reads a delivery's text (the index decodes it).
   */
  text(): string | undefined;
  /** The Content-Encoding could not be undone, so there is no text to read events from. */
  undecodable: boolean;
  /** Set when the text differs from the stored bytes (decompressed). */
  decodedBytes?: Buffer;
  problems: Problem[];
}

type Decoder = (bytes: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;

const inflateEither: Decoder = async (bytes, options) => {
  // "deflate" means zlib-wrapped (RFC 9110 §8.4.1.2), but some clients send raw deflate.
  try {
    return await promisify(inflate)(bytes, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
    return promisify(inflateRaw)(bytes, options);
  }
};

const DECODERS: Record<string, Decoder> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: inflateEither,
  br: promisify(brotliDecompress),
};

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const problem = (code: string, message: string): Problem => ({ code, message });

/**
 * A compressed body is decoded to at most this many times its size. JSON compresses about 5 to
 * 20 times; a bomb compresses a thousand times, and its few bytes must not buy a record (and a
 * parse) of megabytes. Okta never compresses what it sends.
 */
export const MAX_EXPANSION = 32;

/**
 * Undo the request's Content-Encoding, never producing more than `limit` bytes nor more than
 * MAX_EXPANSION times what arrived (a small compressed body can expand to gigabytes), then read
 * it as UTF-8 text.
 */
export async function viewContent(
  bytes: Buffer,
  headers: HeaderList,
  bodyLimit: number,
): Promise<ContentView> {
  const limit = Math.max(1, Math.min(bodyLimit, MAX_EXPANSION * bytes.length));
  const problems = contentTypeProblems(firstHeader(headers, 'content-type'));
  const codings = (firstHeader(headers, 'content-encoding') ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let decoded = bytes;
  // Codings are listed in the order they were applied; undo them last first.
  for (const coding of codings.reverse()) {
    const decoder = DECODERS[coding];
    if (!decoder) {
      problems.push(
        problem(
          'content-encoding',
          `The body is encoded as "${coding}", which the inspector cannot decode; it is kept as received.`,
        ),
      );
      return { text: () => undefined, undecodable: true, problems };
    }
    try {
      decoded = await decoder(decoded, { maxOutputLength: limit });
    } catch (error) {
      problems.push(undecodable(coding, error, limit));
      return { text: () => undefined, undecodable: true, problems };
    }
  }
  if (codings.length > 0) {
    problems.push(
      problem(
        'content-encoding',
        `The body is ${codings.join(', ')}-compressed (${bytes.length} bytes, ${decoded.length} decompressed); Okta sends plain JSON. It is kept as received and decoded for reading.`,
      ),
    );
  }
  return { ...textOf(decoded, problems), ...(codings.length > 0 ? { decodedBytes: decoded } : {}) };
}

function textOf(bytes: Buffer, problems: Problem[]): ContentView {
  let body = bytes;
  if (body.subarray(0, 3).equals(UTF8_BOM)) {
    problems.push(
      problem(
        'bom',
        'The body starts with a UTF-8 byte-order mark, which Okta does not send; it was skipped to read the JSON.',
      ),
    );
    body = body.subarray(3);
  }
  return { text: () => (isUtf8(body) ? body.toString('utf8') : undefined), undecodable: false, problems };
}

function undecodable(coding: string, error: unknown, limit: number): Problem {
  if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
    return problem(
      'decompression-limit',
      `The ${coding} body expands to more than ${limit} bytes (${MAX_EXPANSION} times its size, at most the body limit); it was not decoded and is kept as received.`,
    );
  }
  return problem(
    'content-encoding',
    `The body says it is ${coding}-encoded but could not be decoded (${(error as Error).message}); it is kept as received.`,
  );
}

function contentTypeProblems(contentType: string | undefined): Problem[] {
  if (contentType === undefined) {
    return [
      problem(
        'content-type',
        'The request has no Content-Type; Okta sends application/json. The body was read as JSON anyway.',
      ),
    ];
  }
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json') return [];
  return [
    problem(
      'content-type',
      `The Content-Type is ${JSON.stringify(contentType)}; Okta sends application/json. The body was read as JSON anyway.`,
    ),
  ];
}

/** A body's bytes as content: decompressed, checked as text, and whether it can be decoded as JSON. */
export interface ReadContent {
  /** The decompressed body, when it differs from the bytes received. */
  decodedBody?: BodyData;
  problems: Problem[];
  /** Its text is worth decoding as a delivery (the envelope and events are decoded later). */
  decodable: boolean;
}

/**
 * What the receiver reads of a delivery's body before answering: its encoding and content
 * type. Its events are decoded after the answer, where the history indexes it
 * (store/derived-delivery.ts): a 50-event batch costs the receiver nothing to parse.
 */
export async function readContent(bytes: Buffer, headers: HeaderList, limit: number): Promise<ReadContent> {
  const view = await viewContent(bytes, headers, limit);
  const decodedBody = view.decodedBytes ? { decodedBody: toBodyData(view.decodedBytes) } : {};
  return { problems: view.problems, decodable: !view.undecodable, ...decodedBody };
}

export interface ReadDelivery extends Omit<DecodedDelivery, 'json'> {
  /** The decompressed body, when it differs from the bytes received. */
  decodedBody?: BodyData;
}

/** Decode a delivery's events from its body as received, at once (a replay's answer). */
export async function readDelivery(bytes: Buffer, headers: HeaderList, limit: number): Promise<ReadDelivery> {
  const view = await viewContent(bytes, headers, limit);
  const decodedBody = view.decodedBytes ? { decodedBody: toBodyData(view.decodedBytes) } : {};
  if (view.undecodable) return { okta: { events: [] }, problems: view.problems, ...decodedBody };
  const { okta, problems } = decodeDelivery(view.text());
  return { okta, problems: [...view.problems, ...problems], ...decodedBody };
}
