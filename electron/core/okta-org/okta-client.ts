import type { HeaderList } from '../../../shared/model/exchange';
import type { OktaProblem, RateLimitState } from '../../../shared/model/okta';
import type { HttpTransport, TransportResult } from '../http/http-transport';
import type { Credentials } from './credentials';
import {
  decodeErrorBody,
  explainStatus,
  explainTransport,
  type CallPurpose,
  type OktaErrorBody,
} from './okta-problem';
import { nextLink, rateLimitOf, requestIdOf } from './response-headers';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OktaReply<T> {
  ok: true;
  status: number;
  value: T;
  /** The `rel="next"` link, to be followed verbatim. */
  next: string | null;
  rateLimit: RateLimitState | null;
  requestId: string | null;
}

export interface OktaFailure {
  ok: false;
  /** 0 when Okta gave no answer. */
  status: number;
  problem: OktaProblem;
  error: OktaErrorBody | null;
  rateLimit: RateLimitState | null;
}

export type OktaResult<T> = OktaReply<T> | OktaFailure;

/**
 * Apply `decode` to a successful answer; an answer of the wrong shape becomes a failure (`at`:
 * the client's clock), so the API classes hand on typed values or failures, never guesses.
 */
export function decodeAnswer<T>(
  result: OktaResult<unknown>,
  decode: (value: unknown) => T | null,
  at: number,
): OktaResult<T> {
  if (!result.ok) return result;
  const value = decode(result.value);
  if (value !== null) return { ...result, value };
  return {
    ok: false,
    status: result.status,
    error: null,
    rateLimit: result.rateLimit,
    problem: { kind: 'okta-error', message: 'Okta answered with something unexpected.', at },
  };
}

/** Decode a JSON array item by item; items `decodeItem` cannot read are left out. */
export const listOf =
  <T>(decodeItem: (value: unknown) => T | null) =>
  (value: unknown): T[] | null =>
    Array.isArray(value) ? value.flatMap((item) => decodeItem(item) ?? []) : null;

export interface OktaClientOptions {
  /** `https://dev-123456.okta.com`: the org, as DPoP proofs name it. */
  org: string;
  /** Where calls go: the org, or a loopback emulator's URL in tests. */
  baseUrl: string;
  credentials: Credentials;
  transport: HttpTransport;
  /** Epoch ms, to tell when a rate limit resets. */
  now(): number;
}

export const API_TIMEOUT_MS = 20_000;
/** A System Log page of 1000 events is a few MB; nothing Okta sends here is near this. */
const ANSWER_LIMIT = 32 * 1024 * 1024;
const USER_AGENT = 'okta-hook-inspector';

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const headerOf = (headers: HeaderList, name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;

/**
 * The one place that speaks to an Okta org's API: its credentials on every call (an API token,
 * or a service app's access token, renewed once if Okta refuses it), JSON in and out, Okta's
 * error bodies and rate-limit headers decoded, and every failure a value, never thrown.
 */
export class OktaClient {
  readonly base: URL;

  constructor(private readonly options: OktaClientOptions) {
    this.base = new URL(options.baseUrl);
  }

  get credentials(): Credentials {
    return this.options.credentials;
  }

  now(): number {
    return this.options.now();
  }

  request(
    method: Method,
    pathAndQuery: string,
    purpose: CallPurpose,
    body?: unknown,
    timeoutMs = API_TIMEOUT_MS,
  ): Promise<OktaResult<unknown>> {
    return this.send(method, pathAndQuery, purpose, body, timeoutMs);
  }

  /**
   * Follow a `next` link verbatim (never build the cursor yourself: https://developer.okta.com/docs/reference/core-okta-api/#link-header). Only its
   * path and query are used: the token is only ever sent to the org it belongs to.
   */
  follow(link: string, purpose: CallPurpose, timeoutMs = API_TIMEOUT_MS): Promise<OktaResult<unknown>> {
    const pathAndQuery = link.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') || '/';
    return this.send('GET', pathAndQuery, purpose, undefined, timeoutMs);
  }

  private async send(
    method: Method,
    pathAndQuery: string,
    purpose: CallPurpose,
    body: unknown,
    timeoutMs: number,
  ): Promise<OktaResult<unknown>> {
    const bytes = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const { credentials, transport, org } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      const auth = await credentials.authorize(method, new URL(pathAndQuery, org));
      if (!auth.ok) return this.unauthorized(auth);
      const headers: HeaderList = [
        ['Accept', 'application/json'],
        ...auth.headers,
        ['User-Agent', USER_AGENT],
      ];
      if (bytes) headers.push(['Content-Type', 'application/json']);
      const url = new URL(pathAndQuery, this.base);
      const result = await transport({
        url,
        method,
        headers,
        body: bytes,
        timeoutMs,
        bodyLimit: ANSWER_LIMIT,
      });
      // A service app's token may have been revoked or lapsed early: one new token, one more try.
      if (attempt === 0 && result.ok && result.status === 401 && credentials.refused()) continue;
      return this.answer(result, purpose);
    }
  }

  private unauthorized(auth: {
    status: number;
    problem: OktaProblem;
    errorCode: string | null;
  }): OktaFailure {
    const error =
      auth.errorCode === null
        ? null
        : { errorCode: auth.errorCode, errorSummary: '', errorId: null, causes: [] };
    return { ok: false, status: auth.status, problem: auth.problem, error, rateLimit: null };
  }

  private answer(result: TransportResult, purpose: CallPurpose): OktaResult<unknown> {
    const now = this.options.now();
    if (!result.ok) {
      const problem = explainTransport(result, this.base.host, now);
      return { ok: false, status: 0, problem, error: null, rateLimit: null };
    }
    const rateLimit = rateLimitOf(result.headers);
    const json = parseJson(result.body.toString('utf8'));
    if (result.status >= 200 && result.status < 300 && json.ok) {
      return {
        ok: true,
        status: result.status,
        value: json.value,
        next: nextLink(result.headers),
        rateLimit,
        requestId: requestIdOf(result.headers),
      };
    }
    const error = json.ok ? decodeErrorBody(json.value) : null;
    const refusal = { status: result.status, error, challenge: headerOf(result.headers, 'www-authenticate') };
    const problem =
      json.ok || result.status >= 300
        ? explainStatus(refusal, rateLimit, purpose, this.options.credentials.kind, now)
        : notOkta(this.base.host, now);
    return { ok: false, status: result.status, problem, error, rateLimit };
  }
}

const notOkta = (host: string, at: number): OktaProblem => ({
  kind: 'okta-error',
  message: `${host} answered, but not with JSON: is it an Okta org's domain?`,
  at,
});
