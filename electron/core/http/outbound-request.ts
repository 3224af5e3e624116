import { request as httpRequest, type Agent, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HeaderList } from '../../../shared/model/exchange';
import { systemScheduler } from '../deps';

/** Why a request to a handler got no answer, in the words the UI uses. */
export type SendFailureCause = 'refused' | 'dns' | 'reset' | 'timeout' | 'other';

export interface OutboundRequest {
  /** Scheme, host and port. */
  url: URL;
  /** Path and query, sent as is. */
  path: string;
  method: string;
  /** Sent exactly in this order and case, with nothing added. */
  headers: HeaderList;
  body: Buffer;
  timeoutMs: number;
  /** Response bodies above this are cut (and marked truncated). */
  bodyLimit: number;
  /** How to connect (a proxy tunnel); by default a fresh direct connection. */
  agent?: Agent;
}

export interface OutboundAnswer {
  ok: true;
  status: number;
  headers: HeaderList;
  body: Buffer;
  size: number;
  truncated: boolean;
  /** From sending the first byte to the last byte of the answer. */
  ms: number;
}

export interface OutboundFailure {
  ok: false;
  cause: SendFailureCause;
  message: string;
  /** Node's error code (e.g. `CERT_HAS_EXPIRED`), for callers that explain TLS failures. */
  code?: string;
  ms: number;
}

const CAUSES: Record<string, SendFailureCause> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ETIMEDOUT: 'timeout',
};

/**
 * node:http writes header strings one byte per character. Captured values are text: bytes that
 * were valid UTF-8 were read as UTF-8 (receiver/headers-and-target.ts), so sending their UTF-8 bytes
 * reproduces the original exactly. A value whose original bytes were not UTF-8 goes out as the
 * UTF-8 form of its characters instead; Okta sends UTF-8, so only malformed input is affected.
 */
const onTheWire = ([name, value]: [string, string]): [string, string] =>
  /[\u0080-\uffff]/.test(value) ? [name, Buffer.from(value, 'utf8').toString('latin1')] : [name, value];

const pairs = (raw: string[]): HeaderList => {
  const list: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) list.push([raw[i] as string, raw[i + 1] as string]);
  return list;
};

function collect(response: IncomingMessage, limit: number) {
  return new Promise<{ body: Buffer; size: number; truncated: boolean }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let kept = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      const room = limit - kept;
      if (room > 0) {
        const part = chunk.subarray(0, room);
        chunks.push(part);
        kept += part.length;
      }
    });
    response.on('end', () => resolve({ body: Buffer.concat(chunks, kept), size, truncated: size > limit }));
    response.on('error', reject);
    response.on('aborted', () =>
      reject(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' })),
    );
  });
}

/**
 * node:http adds a Connection header of its own to a request without one, unless the headers
 * are set one name at a time and Connection is then removed. Set that way, a name's values go
 * out together, spelled as the first; so only a list without a Connection header, whose
 * repeated names are adjacent and spelled alike, is sent so. Any other list goes out as given,
 * where node:http adds nothing to one that has a Connection header.
 */
function settableOneByOne(headers: HeaderList): boolean {
  const spelling = new Map<string, string>();
  let previous = '';
  for (const [name] of headers) {
    const key = name.toLowerCase();
    const first = spelling.get(key);
    if (key === 'connection' || (first !== undefined && (first !== name || previous !== key))) return false;
    spelling.set(key, name);
    previous = key;
  }
  return true;
}

function setOneByOne(request: ClientRequest, headers: HeaderList): void {
  const values = new Map<string, string[]>();
  for (const [name, value] of headers) values.set(name, [...(values.get(name) ?? []), value]);
  for (const [name, list] of values) request.setHeader(name, list.length === 1 ? (list[0] as string) : list);
  request.removeHeader('Connection');
}

/**
 * Send one request with byte-exact headers and body and wait for the whole answer, bounded in
 * time. Never rejects: a failure comes back with its cause (refused, DNS, reset, timeout).
 */
export function sendOutbound(
  options: OutboundRequest,
  now: () => number,
): Promise<OutboundAnswer | OutboundFailure> {
  const started = now();
  const send = options.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const fail = (error: NodeJS.ErrnoException) =>
      resolve({
        ok: false,
        cause: CAUSES[error.code ?? ''] ?? 'other',
        message: error.message,
        ...(error.code === undefined ? {} : { code: error.code }),
        ms: now() - started,
      });
    const target = {
      protocol: options.url.protocol,
      // URL keeps IPv6 literals in brackets; node:http wants them bare.
      hostname: options.url.hostname.replace(/^\[|\]$/g, ''),
      port: options.url.port,
      path: options.path,
    };
    const headers = options.headers.map(onTheWire);
    const oneByOne = settableOneByOne(headers);
    const request = send(
      {
        ...target,
        method: options.method,
        agent: options.agent ?? false,
        setHost: false,
        headers: oneByOne ? {} : headers.flat(),
      },
      (response) => {
        collect(response, options.bodyLimit).then(
          ({ body, size, truncated }) =>
            resolve({
              ok: true,
              status: response.statusCode ?? 0,
              headers: pairs(response.rawHeaders),
              body,
              size,
              truncated,
              ms: now() - started,
            }),
          fail,
        );
      },
    );
    // A deadline for the whole exchange: socket.setTimeout only fires after a silence, so a
    // handler sending a byte now and then would hold the request (and Okta's answer) for ever.
    const cancelDeadline = systemScheduler.after(options.timeoutMs, () =>
      request.destroy(
        Object.assign(new Error(`no complete answer within ${options.timeoutMs} ms`), {
          code: 'ETIMEDOUT',
        }),
      ),
    );
    request.once('close', cancelDeadline);
    request.on('error', fail);
    if (oneByOne) setOneByOne(request, headers);
    request.end(options.body);
  });
}
