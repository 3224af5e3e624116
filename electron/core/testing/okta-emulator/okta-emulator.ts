import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorAuth } from './emulator-auth';
import { malformedBody, methodNotAllowed, oktaId, rateLimited } from './emulator-errors';
import type { FailureShape } from './emulator-events';
import type { HeaderPairs } from './emulator-http';
import { EmulatorOrg } from './emulator-org';
import { bucketOf, RateLimits, type Bucket, type RateDecision } from './emulator-rate-limit';
import { route, type Answer, type EmulatorToken, type Role } from './emulator-routes';
import { answerJson, headerPairs, listen, readBody, type ServerTls } from './emulator-server';
import { EmulatorTokenServer, type EmulatorApp } from './emulator-token';

const DAY = 24 * 3600_000;

export interface OktaEmulatorOptions {
  /** The org's domain as Okta would name it in `source` URLs and check in `aud` and `htu`. */
  domain?: string;
  /** API tokens; the default is one super-admin token. */
  tokens?: Partial<EmulatorToken>[];
  /** Service apps (client credentials, private_key_jwt). */
  apps?: Partial<EmulatorApp>[];
  limits?: Partial<Record<Bucket, number>>;
  /** Refuse System Log filters on debugData (E0000031). */
  rejectDebugDataFilter?: boolean;
  /** Where `event_hook.delivery` records name the hook. */
  failureShape?: FailureShape;
  /** A CA the org trusts when it calls hooks: the test's https stand-in for a tunnel. */
  trust?: string;
  /** Serve the API over https with this certificate (instead of http). */
  tls?: ServerTls;
  now?: () => number;
}

/** What the client sent, for assertions (verbatim `next` links, the Authorization header). */
export interface SeenApiRequest {
  method: string;
  url: string;
  headers: HeaderPairs;
}

export interface OktaEmulator {
  /** `http(s)://127.0.0.1:<port>`: where the API listens, standing in for the org's domain. */
  url: string;
  port: number;
  org: EmulatorOrg;
  tokens: EmulatorToken[];
  /** The first token's value. */
  token: string;
  oauth: EmulatorTokenServer;
  /** Register a service app, as an admin does in the Admin Console. */
  addApp(seed: Partial<EmulatorApp>): EmulatorApp;
  requests: SeenApiRequest[];
  /** The next call in this bucket gets 429 E0000047, once. */
  rateLimitNext(bucket: Bucket): void;
  close(): Promise<void>;
}

const ROLE_NAMES: Record<Role, string> = {
  'super-admin': 'inspector',
  'read-only': 'read-only',
  none: 'none',
};

function makeTokens(seeds: Partial<EmulatorToken>[], now: number): EmulatorToken[] {
  return seeds.map((seed, index) => {
    const role = seed.role ?? 'super-admin';
    return {
      value: seed.value ?? `00${oktaId('', 40)}`,
      id: seed.id ?? oktaId('00T'),
      name: seed.name ?? `${ROLE_NAMES[role]} token ${index + 1}`,
      role,
      windowMs: seed.windowMs ?? 30 * DAY,
      expiresAt: seed.expiresAt ?? now + (seed.windowMs ?? 30 * DAY),
      ...(seed.fixedExpiry ? { fixedExpiry: true } : {}),
    };
  });
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

/**
 * An Okta org on 127.0.0.1 for tests: the Event Hooks Management API, API token metadata, the
 * System Log API and the org authorization server's token endpoint, as Okta's docs and OpenAPI
 * spec describe them; rate-limit headers; and real verification and delivery calls to the hooks.
 * It shares no code with the inspector it tests.
 */
export async function startOktaEmulator(options: OktaEmulatorOptions = {}): Promise<OktaEmulator> {
  const now = options.now ?? Date.now;
  const domain = options.domain ?? 'dev-000000.okta.com';
  const origin = `https://${domain}`;
  const org = new EmulatorOrg(domain, now, {
    ...(options.rejectDebugDataFilter ? { rejectDebugDataFilter: true } : {}),
    ...(options.trust === undefined ? {} : { trust: options.trust }),
    ...(options.failureShape === undefined ? {} : { failureShape: options.failureShape }),
  });
  const tokens = makeTokens(options.tokens ?? [{}], now());
  const oauth = new EmulatorTokenServer(`${origin}/oauth2/v1/token`, now);
  for (const app of options.apps ?? []) oauth.addApp(app);
  const auth = new EmulatorAuth(origin, tokens, oauth, now);
  const defaults = { logs: 20, 'event-hooks': 100, 'api-tokens': 100, oauth: 600 };
  const limits = new RateLimits({ ...defaults, ...options.limits }, now);
  const requests: SeenApiRequest[] = [];
  const scheme = options.tls ? 'https' : 'http';

  const api = async (request: IncomingMessage, url: URL, raw: Buffer): Promise<Answer> => {
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
    const base = url.origin;
    const call = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: body.value,
      principal,
      base,
      lacksScope,
    };
    return route(org, call, tokens);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', `${scheme}://${request.headers.host ?? '127.0.0.1'}`);
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: headerPairs(request.rawHeaders),
    });
    const limit = limits.take(bucketOf(url.pathname));
    if (limit.limited) return send(response, rateLimited(), limit, now());
    if (url.pathname !== '/oauth2/v1/token')
      return send(response, await api(request, url, raw), limit, now());
    if (request.method !== 'POST') return send(response, methodNotAllowed(), limit, now());
    const dpop = request.headers.dpop as string | undefined;
    send(response, oauth.token(new URLSearchParams(raw.toString('utf8')), dpop), limit, now());
  };

  const server = await listen((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  }, options.tls);
  return {
    url: server.url,
    port: server.port,
    org,
    tokens,
    token: tokens[0]?.value ?? '',
    oauth,
    addApp: (seed) => oauth.addApp(seed),
    requests,
    rateLimitNext: (bucket) => limits.forceNext(bucket),
    close: () => server.close(),
  };
}
