import type { IncomingMessage } from 'node:http';
import type { HeaderList } from '../../../shared/model/exchange';

/** Header pairs exactly as they arrived: original case, order and duplicates. */
export function headerPairs(rawHeaders: string[]): HeaderList {
  const pairs: HeaderList = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    pairs.push([rawHeaders[i] as string, rawHeaders[i + 1] as string]);
  }
  return pairs;
}

/** Split a request target into path and raw query, without decoding either. */
export function splitTarget(target: string | undefined): { path: string; query: string } {
  const raw = target ?? '/';
  const mark = raw.indexOf('?');
  return mark === -1 ? { path: raw, query: '' } : { path: raw.slice(0, mark), query: raw.slice(mark + 1) };
}

export const remoteAddressOf = (request: IncomingMessage): string => request.socket.remoteAddress ?? '';
