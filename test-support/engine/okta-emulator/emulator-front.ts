import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorAuth } from './emulator-auth';
import { malformedBody, methodNotAllowed, oktaId, rateLimited } from './emulator-errors';
import type { HeaderPairs } from './emulator-http';
import type { EmulatorOrg } from './emulator-org';
import { bucketOf, type RateDecision, type RateLimits } from './emulator-rate-limit';
import { route, type Answer, type EmulatorToken } from './emulator-routes';
import { answerJson, headerPairs, readBody } from './emulator-server';
import type { EmulatorTokenServer } from './emulator-token';

/** What the client sent, for assertions (verbatim `next` links, the Authorization header). */
export interface SeenApiRequest {
  method: string;
  url: string;
  headers: HeaderPairs;
}

export interface FrontParts {
  org: EmulatorOrg;
  tokens: EmulatorToken[];
  oauth: EmulatorTokenServer;
  auth: EmulatorAuth;
  limits: RateLimits;
  /** `https://dev-000000.okta.com`: what assertions and proofs must name. */
  origin: string;
  scheme: 'http' | 'https';
}

const rateHeaders = (limit: RateDecision): HeaderPairs => [
  ['X-Okta-Request-Id', oktaId('', 27)],
  ['X-Rate-Limit-Limit', String(limit.limit)],
  ['X-Rate-Limit-Remaining', String(limit.remaining)],
  ['X-Rate-Limit-Reset', String(limit.reset)],
];

const send = (response: ServerResponse, answer: Answer, limit: RateDecision, now: number) =>
  answerJson(response, answer.status, 'body' in answer ? answer.body : undefined, [
    ['Date', new Date(now).toUTCString()],
    ...rateHeaders(limit),
    ...('headers' in answer && answer.headers ? answer.headers : []),
  ]);

const parseJson = (raw: Buffer): { ok: true; value: unknown } | { ok: false } => {
  if (raw.length === 0) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
};

/** The emulated org's front door: rate limits, then the token endpoint or an authenticated API call. */
export class EmulatorFront {
  readonly requests: SeenApiRequest[] = [];

  constructor(private readonly parts: FrontParts) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { limits, oauth, scheme, org } = this.parts;
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', `${scheme}://${request.headers.host ?? '127.0.0.1'}`);
    this.requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: headerPairs(request.rawHeaders),
    });
    const limit = limits.take(bucketOf(url.pathname));
    const reply = (answer: Answer) => send(response, answer, limit, org.now());
    if (limit.limited) return reply(rateLimited());
    if (url.pathname !== '/oauth2/v1/token') return reply(await this.api(request, url, raw));
    if (request.method !== 'POST') return reply(methodNotAllowed());
    reply(oauth.token(new URLSearchParams(raw.toString('utf8')), request.headers.dpop as string | undefined));
  }

  private async api(request: IncomingMessage, url: URL, raw: Buffer): Promise<Answer> {
    const { auth, org, tokens, origin } = this.parts;
    const method = request.method ?? 'GET';
    const principal = auth.identify({
      authorization: request.headers.authorization,
      dpop: request.headers.dpop as string | undefined,
      method,
      htu: `${origin}${url.pathname}`,
    });
    if ('status' in principal) return principal;
    const body = parseJson(raw);
    if (!body.ok) return malformedBody();
    const lacksScope = (scope: string) => auth.lacksScope(principal, scope);
    // Links name the host the client called, as Okta's name the org's domain.
    const call = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: body.value,
      principal,
      base: url.origin,
      lacksScope,
    };
    return route(org, call, tokens);
  }
}
