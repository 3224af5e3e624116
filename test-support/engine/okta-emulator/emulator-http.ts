import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A header list in order, as it goes on the wire. */
export type HeaderPairs = [string, string][];

/** What Okta got back from a hook's endpoint, or why it got nothing. */
export type HookAnswer =
  | {
      ok: true;
      status: number;
      body: string;
      headers: Record<string, string | string[] | undefined>;
      oversized: boolean;
    }
  | { ok: false; timedOut: boolean; code: string };

export interface HookRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: HeaderPairs;
  body: Buffer;
  timeoutMs: number;
  /** Certificates Okta's side trusts, besides Node's (a test's throwaway CA). */
  ca: string | undefined;
  /** Read at most this much of the answer (default: enough for the verification JSON). */
  answerLimit?: number;
}

/** Okta reads little of an answer: the verification JSON at most. */
const ANSWER_LIMIT = 64 * 1024;

/**
 * The emulator's own HTTP client for the calls Okta makes to a hook: deliberately independent of
 * the inspector's outbound code, so a mistake there cannot hide here. Never rejects.
 */
export function callHook(call: HookRequest): Promise<HookAnswer> {
  const send = call.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const request = send(
      call.url,
      {
        method: call.method,
        headers: call.headers.flat(),
        agent: false,
        ...(call.ca === undefined ? {} : { ca: call.ca }),
      },
      (response) => {
        const limit = call.answerLimit ?? ANSWER_LIMIT;
        let body = '';
        let oversized = false;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (body.length + chunk.length <= limit) body += chunk;
          else oversized = true;
        });
        response.on('end', () =>
          resolve({ ok: true, status: response.statusCode ?? 0, body, headers: response.headers, oversized }),
        );
        response.on('error', () => resolve({ ok: false, timedOut: false, code: 'ECONNRESET' }));
      },
    );
    request.setTimeout(call.timeoutMs, () =>
      request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, timedOut: error.code === 'TIMEOUT', code: error.code ?? 'ERROR' }),
    );
    request.end(call.body);
  });
}
