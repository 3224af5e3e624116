import type { Exchange } from '../../../../shared/model/exchange';

/** Headers curl sets itself, or that would be wrong for a copy sent elsewhere. */
const SKIPPED = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The request as a curl command that sends it again to `baseUrl` (the receiver, usually), for
 * a terminal. Secret headers come as the UI shows them (masked): put the secret back by hand.
 */
export function toCurl(exchange: Exchange, baseUrl: string): string {
  const { request } = exchange;
  const target = `${baseUrl}${request.path}${request.query === '' ? '' : `?${request.query}`}`;
  const parts = [`curl -X ${request.method} ${quote(target)}`];
  for (const [name, value] of request.headers) {
    if (!SKIPPED.has(name.toLowerCase())) parts.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  // Okta sends JSON; a binary body (never Okta's) is left out rather than mangled.
  if (request.body.text !== undefined && request.body.text !== '')
    parts.push(`--data-raw ${quote(request.body.text)}`);
  return parts.join(' \\\n  ');
}
