import { isUtf8 } from 'node:buffer';
import type { BodyData } from '../../../shared/model/exchange';
import { withBytes } from '../store/records/body-bytes';

/**
 * Bytes as stored and shown: text when valid UTF-8 (the usual case), base64 otherwise. The
 * text is made when first read: the receiver stores the bytes as they came (store/records/
 * body-bytes.ts) and, forwarding and inline hooks aside, never reads a delivery's text itself.
 */
export function toBodyData(bytes: Buffer, size = bytes.length, truncated = false): BodyData {
  if (bytes.length === 0) return { text: '', size, truncated };
  if (!isUtf8(bytes)) return withBytes({ base64: bytes.toString('base64'), size, truncated }, bytes);
  let text: string | undefined;
  const body: BodyData = { size, truncated };
  Object.defineProperty(body, 'text', { enumerable: true, get: () => (text ??= bytes.toString('utf8')) });
  return withBytes(body, bytes);
}

/** The exact bytes of a stored body, for replay and export. */
export function bodyBytes(body: BodyData): Buffer {
  if (body.base64 !== undefined) return Buffer.from(body.base64, 'base64');
  return Buffer.from(body.text ?? '', 'utf8');
}
