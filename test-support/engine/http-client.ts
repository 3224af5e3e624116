import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly: order, case and duplicates kept. */
  headers?: [string, string][];
  body?: string | Buffer;
}

/** A plain node:http request that keeps header order and case, for byte-level assertions. */
export function send(url: string, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers = [...(options.headers ?? [])];
    // With headers given as a list, node:http adds no Host; HTTP/1.1 requires one.
    if (!headers.some(([name]) => name.toLowerCase() === 'host'))
      headers.unshift(['Host', new URL(url).host]);
    const framed = headers.some(([name]) =>
      ['content-length', 'transfer-encoding'].includes(name.toLowerCase()),
    );
    if (body && !framed) {
      headers.push(['Content-Length', String(body.length)]);
    }
    const req = request(url, { method: options.method ?? 'GET', headers: headers.flat() }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const data = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: data,
          text: data.toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** POST a delivery body the way Okta does (https://developer.okta.com/docs/concepts/event-hooks/#http-headers). */
export const deliver = (url: string, body: string, extraHeaders: [string, string][] = []) =>
  send(url, {
    method: 'POST',
    headers: [['Accept', 'application/json'], ['Content-Type', 'application/json'], ...extraHeaders],
    body,
  });
