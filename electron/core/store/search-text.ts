import type { BodyData, Exchange, HeaderList } from '../../../shared/model/exchange';
import { isSecretHeader } from '../../../shared/okta/secret-mask';

/** A body that is not JSON is searched as text up to this length. */
const MAX_RAW_TEXT = 256 * 1024;

/** A body's text and the JSON it was parsed into. */
export interface ParsedBody {
  text: string;
  value: unknown;
}

/** What free-text search looks in for one exchange, lowercased. */
export interface SearchText {
  /** Headers, request line and body values, one per line. */
  values: Buffer;
  /** The JSON keys of its bodies, sorted, one per line: most exchanges share the same set. */
  keys: string;
}

/**
 * Every header as `name: value` (credential values left out, so a search cannot probe the
 * secret), the request line, and each body as its distinct JSON values (or its text when it is
 * not JSON). Keys are kept apart: deliveries of one shape share one copy of them, which with
 * distinct values rather than raw JSON keeps 100,000 exchanges' text in about 100 MB.
 */
export function searchText(exchange: Exchange, authHeader: string, parsed?: ParsedBody): SearchText {
  const values = new Set<string>();
  const keys = new Set<string>();
  const { request, response } = exchange;
  values.add(`${request.method} ${request.path}${request.query === '' ? '' : `?${request.query}`}`);
  addHeaders(values, request.headers, authHeader);
  addBody(values, keys, request.body, parsed);
  addHeaders(values, response.headers, authHeader);
  addBody(values, keys, response.body);
  return {
    values: Buffer.from([...values].join('\n').toLowerCase()),
    keys: [...keys].sort().join('\n').toLowerCase(),
  };
}

function addHeaders(values: Set<string>, headers: HeaderList, authHeader: string): void {
  for (const [name, value] of headers) {
    values.add(isSecretHeader(name, authHeader) ? `${name}:` : `${name}: ${value}`);
  }
}

function addBody(values: Set<string>, keys: Set<string>, body: BodyData, parsed?: ParsedBody): void {
  const text = body.text;
  if (text === undefined || text === '') return;
  // Parsing is a good part of storing a delivery; the receiver has done it already for its events.
  const json = parsed?.text === text ? parsed.value : parseJson(text);
  if (json === undefined || typeof json !== 'object' || json === null) {
    values.add(text.slice(0, MAX_RAW_TEXT));
    return;
  }
  // Iterative: a hostile body can nest deeper than the call stack.
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object') values.add(typeof value === 'string' ? value : JSON.stringify(value));
    else if (Array.isArray(value)) for (const item of value as unknown[]) stack.push(item);
    else {
      for (const [key, inner] of Object.entries(value)) {
        keys.add(key);
        stack.push(inner);
      }
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
