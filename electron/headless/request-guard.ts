import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface Refusal {
  ok: false;
  status: 401 | 403 | 405;
  message: string;
}

export type GuardVerdict = { ok: true } | Refusal;

const allowedHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

/**
 * DNS-rebinding and cross-site defence for the loopback API: a page on another site can make
 * the browser send requests here, but not with our Host (unless its name resolves to
 * loopback, hence the exact host list) nor with our Origin.
 */
export function checkSameOrigin(headers: IncomingHttpHeaders, port: number): GuardVerdict {
  const hosts = allowedHosts(port);
  if (!headers.host || !hosts.includes(headers.host.toLowerCase())) {
    return { ok: false, status: 403, message: 'Forbidden: unexpected Host header.' };
  }
  const origin = headers.origin;
  if (origin !== undefined && !hosts.some((host) => origin.toLowerCase() === `http://${host}`)) {
    return { ok: false, status: 403, message: 'Forbidden: cross-origin requests are not allowed.' };
  }
  return { ok: true };
}

/** UTF-16 code units: lossless for any string (UTF-8 would merge lone surrogates). */
const digest = (value: string) => createHash('sha256').update(value, 'utf16le').digest();

/** `Authorization: Bearer <token>`, compared in constant time. */
export function checkToken(headers: IncomingHttpHeaders, token: string): GuardVerdict {
  const match = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  if (match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token))) return { ok: true };
  return {
    ok: false,
    status: 401,
    message: 'Unauthorized: send Authorization: Bearer <token> (the token printed at start-up).',
  };
}
