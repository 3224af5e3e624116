import type { HeaderList } from '../model/exchange';

/** Quote for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** curl sets these itself from the URL and the body; repeating them only causes trouble. */
const SET_BY_CURL = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

export interface CurlInput {
  method: string;
  url: string;
  headers: HeaderList;
  /** Text body; null when there is none. */
  body: string | null;
  /** A body that is not UTF-8 text, as base64 (sent through a decoding pipe). */
  base64Body?: string;
}

/** A curl command that sends the same request (headers in order, exact body bytes). */
export function toCurl(input: CurlInput): string {
  // Every part is quoted, the method too: an imported method can be any HTTP token, and
  // ` $ | & are token characters.
  const lines = [`curl -i -X ${shellQuote(input.method)} ${shellQuote(input.url)}`];
  for (const [name, value] of input.headers) {
    if (!SET_BY_CURL.has(name.toLowerCase())) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (input.base64Body !== undefined) {
    return `printf %s ${shellQuote(input.base64Body)} | base64 -d | ${lines.join(' ')} --data-binary @-`;
  }
  if (input.body !== null && input.body !== '') lines.push(`--data-binary ${shellQuote(input.body)}`);
  return lines.join(' \\\n  ');
}
