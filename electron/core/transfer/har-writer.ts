import { STATUS_CODES } from 'node:http';
import type { BodyData, Exchange, HeaderList } from '../../../shared/model/exchange';
import type { HarContent, HarEntry, HarNameValue, HarPostData, HarRequest, HarResponse } from './har-types';

const firstHeader = (headers: HeaderList, name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];

const nameValues = (headers: HeaderList): HarNameValue[] => headers.map(([name, value]) => ({ name, value }));

const round = (ms: number) => Math.round(Math.max(0, ms) * 1000) / 1000;

const headLength = (firstLine: string, headers: HeaderList) =>
  Buffer.byteLength(`${firstLine}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`);

/** The URL the request was sent to, as a HAR viewer needs it: absolute, from Host. */
function requestUrl(exchange: Exchange): string {
  const { request } = exchange;
  const scheme = firstHeader(request.headers, 'x-forwarded-proto') === 'https' ? 'https' : 'http';
  const host = firstHeader(request.headers, 'host') ?? '127.0.0.1';
  const target = `${request.path}${request.query === '' ? '' : `?${request.query}`}`;
  try {
    return new URL(`${scheme}://${host}${target}`).href;
  } catch {
    return `http://127.0.0.1${encodeURI(target)}`;
  }
}

function queryString(query: string): HarNameValue[] {
  try {
    return [...new URLSearchParams(query)].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function cookies(headers: HeaderList): HarNameValue[] {
  const cookie = firstHeader(headers, 'cookie');
  if (cookie === undefined) return [];
  return cookie.split(';').flatMap((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1 ? [] : [{ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }];
  });
}

const truncationNote = (body: BodyData) =>
  body.truncated
    ? { comment: `Only the start of the ${body.size}-byte body was kept (over the body limit).` }
    : {};

function postData(body: BodyData, headers: HeaderList): HarPostData | undefined {
  if (body.size === 0) return undefined;
  const mimeType = firstHeader(headers, 'content-type') ?? '';
  if (body.text !== undefined) return { mimeType, text: body.text, ...truncationNote(body) };
  return { mimeType, text: body.base64 ?? '', encoding: 'base64', ...truncationNote(body) };
}

function content(body: BodyData, headers: HeaderList): HarContent {
  const mimeType = firstHeader(headers, 'content-type') ?? '';
  if (body.base64 !== undefined) return { size: body.size, mimeType, text: body.base64, encoding: 'base64' };
  return { size: body.size, mimeType, text: body.text ?? '', ...truncationNote(body) };
}

function harRequest(exchange: Exchange): HarRequest {
  const { request } = exchange;
  const version = `HTTP/${request.httpVersion}`;
  const data = postData(request.body, request.headers);
  return {
    method: request.method,
    url: requestUrl(exchange),
    httpVersion: version,
    cookies: cookies(request.headers),
    headers: nameValues(request.headers),
    queryString: queryString(request.query),
    ...(data === undefined ? {} : { postData: data }),
    headersSize: headLength(`${request.method} ${request.path} ${version}`, request.headers),
    bodySize: request.body.size,
  };
}

/** No answer (status 0) has no sizes: HAR's -1. */
function harResponse(exchange: Exchange): HarResponse {
  const { response } = exchange;
  const statusText = response.status === 0 ? '' : (STATUS_CODES[response.status] ?? '');
  const version = `HTTP/${exchange.request.httpVersion}`;
  const answered = response.status !== 0;
  return {
    status: response.status,
    statusText,
    httpVersion: version,
    cookies: [],
    headers: nameValues(response.headers),
    content: content(response.body, response.headers),
    redirectURL: firstHeader(response.headers, 'location') ?? '',
    headersSize: answered ? headLength(`${version} ${response.status} ${statusText}`, response.headers) : -1,
    bodySize: answered ? response.body.size : -1,
  };
}

/**
 * One exchange as a HAR 1.2 entry (its headers already masked as the export asks). Timings: `send`
 * is reading the request body, `wait` the rest until the answer ended; the receiver sends
 * small answers at once, so `receive` is 0. Underscored fields are ours (HAR allows them) and
 * let our own import restore the kind, origin and auth verdict.
 */
export function harEntry(exchange: Exchange): HarEntry {
  const { timing, auth } = exchange;
  const send = round(timing.bodyMs);
  const wait = round(timing.durationMs - timing.bodyMs);
  return {
    startedDateTime: new Date(exchange.receivedAt).toISOString(),
    time: round(send + wait),
    request: harRequest(exchange),
    response: harResponse(exchange),
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send, wait, receive: 0 },
    comment: describe(exchange),
    _exchangeId: exchange.id,
    _kind: exchange.kind,
    _origin: exchange.origin,
    _auth: { result: auth.result, header: auth.header, ...(auth.message ? { message: auth.message } : {}) },
  };
}

/** A line for HAR viewers that show comments: what Okta sent. */
function describe(exchange: Exchange): string {
  if (exchange.kind === 'verification') return 'Okta verification challenge';
  const types = [...new Set(exchange.okta.events.map((event) => event.eventType))];
  if (exchange.kind === 'other') return 'Not an Okta call';
  return types.length === 0 ? 'Okta delivery without events' : `Okta delivery: ${types.join(', ')}`;
}
