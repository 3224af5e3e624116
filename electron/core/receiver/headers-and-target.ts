import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { HeaderList } from '../../../shared/model/exchange';

/** Header pairs exactly as they arrived: original case, order and duplicates. */
export function headerPairs(rawHeaders: string[]): HeaderList {
  const pairs: HeaderList = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    pairs.push([rawHeaders[i] as string, headerText(rawHeaders[i + 1] as string)]);
  }
  return pairs;
}

const NON_ASCII = /[\u0080-\u00ff]/;

/**
 * Node hands header values over as Latin-1, one character per byte. Values that are valid
 * UTF-8 (a secret or custom header with non-ASCII text, as Okta sends it) are read as UTF-8 so
 * they show, and compare, as typed; any other byte sequence stays one character per byte.
 */
export function headerText(latin1: string): string {
  if (!NON_ASCII.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : latin1;
}

/** Split a request target into path and raw query, without decoding either. */
export function splitTarget(target: string | undefined): { path: string; query: string } {
  const raw = target ?? '/';
  const mark = raw.indexOf('?');
  return mark === -1 ? { path: raw, query: '' } : { path: raw.slice(0, mark), query: raw.slice(mark + 1) };
}

export const remoteAddressOf = (request: IncomingMessage): string => request.socket.remoteAddress ?? '';
