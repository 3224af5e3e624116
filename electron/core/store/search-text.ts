import type { BodyData, Exchange, HeaderList } from '../../../shared/model/exchange';
import { maskImportedPassword } from '../../../shared/okta/inline/mask-password';
import { isSecretHeader } from '../../../shared/okta/secret-mask';
import { isSealed } from './header-sealer';

/**
 * The words of one exchange are indexed up to this many characters, and a body is read as
 * JSON only up to this size (its start is indexed as text past it): indexing then costs at
 * most a few tens of milliseconds however large a body is, and the index thread stays quick
 * to answer the receiver (docs/storage.md).
 */
const MAX_TEXT = 256 * 1024;
const MAX_PARSED = 1024 * 1024;

/**
 * What free-text search indexes for one exchange: every header as `name: value` (credential
 * values left out, so a search cannot probe the secret; a password import's password too), the
 * request line, and each body as its distinct JSON keys and values (or its text when it is not
 * JSON), one per line. Distinct values rather than raw JSON: a 50-event batch repeats most of them.
 */
export function searchText(stored: Exchange, authHeader: string, parsed?: unknown): string {
  const values = new Set<string>();
  const keys = new Set<string>();
  const exchange = maskImportedPassword(stored);
  const { request, response } = exchange;
  values.add(`${request.method} ${request.path}${request.query === '' ? '' : `?${request.query}`}`);
  addHeaders(values, request.headers, authHeader);
  // A body parsed by the caller is the body as stored: read again once masked.
  addBody(values, keys, request.decodedBody ?? request.body, exchange === stored ? parsed : undefined);
  addHeaders(values, response.headers, authHeader);
  addBody(values, keys, response.body);
  return `${[...keys].join('\n')}\n${[...values].join('\n')}`.slice(0, MAX_TEXT);
}

function addHeaders(values: Set<string>, headers: HeaderList, authHeader: string): void {
  for (const [name, value] of headers) {
    values.add(isSecretHeader(name, authHeader) || isSealed(value) ? `${name}:` : `${name}: ${value}`);
  }
}

/** `parsed`: the body as already parsed, when whoever asks had to parse it anyway. */
function addBody(values: Set<string>, keys: Set<string>, body: BodyData, parsed?: unknown): void {
  const text = body.text;
  if (text === undefined || text === '') return;
  const json = parsed ?? (text.length <= MAX_PARSED ? parseJson(text) : undefined);
  if (json === undefined || typeof json !== 'object' || json === null) {
    values.add(text.slice(0, MAX_TEXT));
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
