import { isUtf8 } from 'node:buffer';
import type { BodyData } from '../../../shared/model/exchange';
import { withBytes } from '../store/records/body-bytes';

/** Bytes as stored and shown: text when valid UTF-8 (the usual case), base64 otherwise. */
export function toBodyData(bytes: Buffer, size = bytes.length, truncated = false): BodyData {
  if (bytes.length === 0) return { text: '', size, truncated };
  const body = isUtf8(bytes)
    ? { text: bytes.toString('utf8'), size, truncated }
    : { base64: bytes.toString('base64'), size, truncated };
  return withBytes(body, bytes);
}

/** The exact bytes of a stored body, for replay and export. */
export function bodyBytes(body: BodyData): Buffer {
  if (body.base64 !== undefined) return Buffer.from(body.base64, 'base64');
  return Buffer.from(body.text ?? '', 'utf8');
}
