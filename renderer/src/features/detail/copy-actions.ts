import type { Exchange } from '../../../../shared/model/exchange';
import { toCurl } from '../../../../shared/http/curl';

/** The request as a curl command against the receiver it reached (credentials as given). */
export function curlFor(exchange: Exchange, localUrl: string): string {
  const { request } = exchange;
  const target = request.query === '' ? request.path : `${request.path}?${request.query}`;
  return toCurl({
    method: request.method,
    url: `${localUrl}${target}`,
    headers: request.headers,
    body: request.body.text ?? null,
    ...(request.body.base64 !== undefined ? { base64Body: request.body.base64 } : {}),
  });
}

export const headersText = (headers: [string, string][]) =>
  headers.map(([name, value]) => `${name}: ${value}`).join('\n');

/** The answer as an HTTP response: status line, headers, blank line, body. */
export function responseText(exchange: Exchange): string {
  const { response } = exchange;
  const body = response.body.text ?? response.body.base64 ?? '';
  return `HTTP/1.1 ${response.status}\n${headersText(response.headers)}\n\n${body}`;
}
