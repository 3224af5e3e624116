import type { BodyData } from '../../../../shared/model/exchange';

/**
 * The bytes a body was read from, kept beside it for the record to store as they are: encoding
 * its text back to UTF-8 would copy each body once more (75 KB per 50-event batch). Only for
 * bodies that are not changed after they were made; a changed copy is a new object, without.
 */
const bytesByBody = new WeakMap<BodyData, Buffer>();

export function withBytes(body: BodyData, bytes: Buffer): BodyData {
  bytesByBody.set(body, bytes);
  return body;
}

export const bytesOf = (body: BodyData): Buffer | undefined => bytesByBody.get(body);
