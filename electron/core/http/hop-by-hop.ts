import type { HeaderList } from '../../../shared/model/exchange';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1): never passed on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The headers to pass on: hop-by-hop ones dropped (and any the Connection header names). */
export function endToEndHeaders(headers: HeaderList): HeaderList {
  const named = new Set(
    headers
      .filter(([name]) => name.toLowerCase() === 'connection')
      .flatMap(([, value]) => value.split(',').map((token) => token.trim().toLowerCase())),
  );
  return headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()) && !named.has(name.toLowerCase()));
}

/**
 * The request headers for another host: end-to-end headers in their order and case, Host set
 * to the target (in place), and a Content-Length that matches the body actually sent.
 */
export function headersForTarget(headers: HeaderList, target: URL, bodyLength: number): HeaderList {
  return retarget(endToEndHeaders(headers), target, bodyLength);
}

/**
 * Headers as given, for another host: Host set to the target (in place), Content-Length set to
 * the body actually sent, or added when nothing else frames the body. A replay sends what was
 * captured this way, connection headers included: they were part of what arrived.
 */
export function retarget(headers: HeaderList, target: URL, bodyLength: number): HeaderList {
  const withHost: HeaderList = headers.some(([name]) => name.toLowerCase() === 'host')
    ? headers.map(([name, value]) => (name.toLowerCase() === 'host' ? [name, target.host] : [name, value]))
    : [['Host', target.host], ...headers];
  const framed = withHost.some(([name]) => FRAMING.has(name.toLowerCase()));
  const sized: HeaderList = withHost.map(([name, value]) =>
    name.toLowerCase() === 'content-length' ? [name, String(bodyLength)] : [name, value],
  );
  return framed || bodyLength === 0 ? sized : [...sized, ['Content-Length', String(bodyLength)]];
}

const FRAMING = new Set(['content-length', 'transfer-encoding']);

/**
 * Where a request goes: the target's origin and path, with the request's raw query appended
 * to the target's own. The query is kept byte for byte (URL's setters would re-encode it).
 */
export function targetLocation(target: string, query: string): { url: URL; path: string } {
  const url = new URL(target);
  const own = url.search.slice(1);
  const search = [own, query].filter((part) => part !== '').join('&');
  return { url, path: `${url.pathname}${search === '' ? '' : `?${search}`}` };
}
