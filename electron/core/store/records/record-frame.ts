import type { BodyData, Exchange } from '../../../../shared/model/exchange';
import { bytesOf } from './body-bytes';

/**
 * One captured exchange as history format 2 writes it: a 12-byte header, the exchange as JSON
 * with every body taken out, then the bodies' bytes as they arrived. Bodies are most of a
 * delivery; keeping them out of the JSON spares escaping and re-encoding 75 KB per 50-event
 * batch on the way in and parsing it on the way out (docs/storage.md, "Format").
 *
 *   u32 LE  MAGIC
 *   u32 LE  length of the JSON
 *   u32 LE  length of the bodies
 *   JSON    (UTF-8) { exchange, decodeEvents? } with each body of the exchange as a StoredBody
 *   bytes   the bodies, one after the other
 *
 * `decodeEvents`: a delivery stored as received, its events to be decoded from its body when it
 * is read (store/derived-delivery.ts).
 */

/** A record read back: the exchange, and whether its events are still to be decoded. */
export interface StoredRecord {
  exchange: Exchange;
  decodeEvents: boolean;
}
export const FRAME_MAGIC = 0x3248494f;
export const FRAME_HEADER = 12;

/** A body inside a record: its bytes live after the JSON, at `at`, `length` long. */
interface StoredBody {
  size: number;
  truncated: boolean;
  /** How the bytes read back: as text (valid UTF-8) or base64; absent when the body had neither. */
  as?: 'text' | 'base64';
  at?: number;
  length?: number;
}

type BodyField = (exchange: Exchange) => { get(): BodyData | undefined; set(body: BodyData): void };

/** Every place an exchange holds a body. A new body field must be added here to be stored apart. */
const BODY_FIELDS: BodyField[] = [
  (e) => ({ get: () => e.request.body, set: (b) => (e.request.body = b) }),
  (e) => ({ get: () => e.request.decodedBody, set: (b) => (e.request.decodedBody = b) }),
  (e) => ({ get: () => e.response.body, set: (b) => (e.response.body = b) }),
  (e) => ({
    get: () => e.forward?.response?.body,
    set: (b) => {
      if (e.forward?.response) e.forward.response.body = b;
    },
  }),
];

/**
 * The exchange as one record, ready to append: its parts in order (header, JSON, bodies), so
 * that bodies are written as they arrived, never copied into one buffer first.
 */
export function encodeRecord(exchange: Exchange, decodeEvents = false): Buffer[] {
  const copy = shallowCopy(exchange);
  const blobs: Buffer[] = [];
  let at = 0;
  for (const field of BODY_FIELDS) {
    const slot = field(copy);
    const body = slot.get();
    if (body === undefined) continue;
    const { stored, bytes } = storeBody(body, at);
    // An empty body (most answers to Okta) adds no part: nothing to write.
    if (bytes && bytes.length > 0) {
      blobs.push(bytes);
      at += bytes.length;
    }
    // The stored shape stands where the body was, until decodeRecord puts the body back.
    slot.set(stored);
  }
  const json = Buffer.from(
    JSON.stringify(decodeEvents ? { exchange: copy, decodeEvents } : { exchange: copy }),
    'utf8',
  );
  const header = Buffer.allocUnsafe(FRAME_HEADER);
  header.writeUInt32LE(FRAME_MAGIC, 0);
  header.writeUInt32LE(json.length, 4);
  header.writeUInt32LE(at, 8);
  return [header, json, ...blobs];
}

/** Read a record back; throws on anything that is not a whole record. */
export function decodeRecord(frame: Buffer): StoredRecord {
  const lengths = frameLengths(frame, 0);
  if (lengths === null || FRAME_HEADER + lengths.json + lengths.bodies !== frame.length) {
    throw new Error('not a whole history record');
  }
  const jsonEnd = FRAME_HEADER + lengths.json;
  const meta = JSON.parse(frame.toString('utf8', FRAME_HEADER, jsonEnd)) as Partial<StoredRecord> | null;
  const exchange = meta?.exchange;
  if (typeof exchange !== 'object' || exchange === null || typeof exchange.id !== 'string') {
    throw new Error('a history record without an exchange');
  }
  const bodies = frame.subarray(jsonEnd);
  for (const field of BODY_FIELDS) {
    const slot = field(exchange);
    const stored = slot.get() as StoredBody | undefined;
    if (stored !== undefined) slot.set(restoreBody(stored, bodies));
  }
  return { exchange, decodeEvents: meta?.decodeEvents === true };
}

/** The JSON and body lengths of the record at `offset`, or null when no record starts there. */
export function frameLengths(data: Buffer, offset: number): { json: number; bodies: number } | null {
  if (data.length - offset < FRAME_HEADER || data.readUInt32LE(offset) !== FRAME_MAGIC) return null;
  return { json: data.readUInt32LE(offset + 4), bodies: data.readUInt32LE(offset + 8) };
}

function storeBody(body: BodyData, at: number): { stored: StoredBody; bytes?: Buffer } {
  const stored: StoredBody = { size: body.size, truncated: body.truncated };
  const received = bytesOf(body);
  if (received) {
    const as = body.base64 === undefined ? 'text' : 'base64';
    return { stored: { ...stored, as, at, length: received.length }, bytes: received };
  }
  if (body.text !== undefined) {
    // Text is kept as UTF-8: a lone surrogate (only an import can bring one) becomes U+FFFD.
    const bytes = Buffer.from(body.text, 'utf8');
    return { stored: { ...stored, as: 'text', at, length: bytes.length }, bytes };
  }
  if (body.base64 !== undefined) {
    const bytes = Buffer.from(body.base64, 'base64');
    return { stored: { ...stored, as: 'base64', at, length: bytes.length }, bytes };
  }
  return { stored };
}

function restoreBody(stored: StoredBody, bodies: Buffer): BodyData {
  const body: BodyData = { size: stored.size, truncated: stored.truncated };
  if (stored.as === undefined) return body;
  const start = stored.at ?? 0;
  const end = start + (stored.length ?? 0);
  if (end > bodies.length) throw new Error('a history record whose body runs past its end');
  const bytes = bodies.subarray(start, end);
  return stored.as === 'text'
    ? { ...body, text: bytes.toString('utf8') }
    : { ...body, base64: bytes.toString('base64') };
}

/** Copies of the objects encodeRecord changes, so the caller's exchange is left as it was. */
function shallowCopy(exchange: Exchange): Exchange {
  return {
    ...exchange,
    request: { ...exchange.request },
    response: { ...exchange.response },
    ...(exchange.forward
      ? {
          forward: {
            ...exchange.forward,
            ...(exchange.forward.response ? { response: { ...exchange.forward.response } } : {}),
          },
        }
      : {}),
  };
}
