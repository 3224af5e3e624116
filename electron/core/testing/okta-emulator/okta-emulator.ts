import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HeaderList } from '../../../../shared/model/exchange';
import { invalidToken, malformedBody, oktaId, rateLimited } from './emulator-errors';
import { EmulatorOrg } from './emulator-org';
import { bucketOf, RateLimits, type Bucket, type RateDecision } from './emulator-rate-limit';
import { route, type Answer, type EmulatorToken, type Role } from './emulator-routes';

const DAY = 24 * 3600_000;

export interface OktaEmulatorOptions {
  /** The org's domain as Okta would name it in `source` URLs. */
  domain?: string;
  /** API tokens; the default is one super-admin token. */
  tokens?: Partial<EmulatorToken>[];
  limits?: Partial<Record<Bucket, number>>;
  /** Refuse System Log filters on debugData (E0000031). */
  rejectDebugDataFilter?: boolean;
  now?: () => number;
}

/** What the client sent, for assertions (verbatim `next` links, the SSWS header). */
export interface SeenApiRequest {
  method: string;
  url: string;
  headers: HeaderList;
}

export interface OktaEmulator {
  /** `http://127.0.0.1:<port>`: the base URL the client is given instead of the org's https one. */
  url: string;
  org: EmulatorOrg;
  tokens: EmulatorToken[];
  /** The first token's value. */
  token: string;
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

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

const pairs = (raw: string[]): HeaderList =>
  raw.flatMap((value, i) => (i % 2 === 0 ? [[value, raw[i + 1] ?? ''] as [string, string]] : []));

function send(response: ServerResponse, answer: Answer, limit: RateDecision): void {
  const body = 'body' in answer && answer.body !== undefined ? JSON.stringify(answer.body) : '';
  const headers: HeaderList = [
    ['Content-Type', 'application/json'],
    ['X-Okta-Request-Id', oktaId('', 27)],
    ['X-Rate-Limit-Limit', String(limit.limit)],
    ['X-Rate-Limit-Remaining', String(limit.remaining)],
    ['X-Rate-Limit-Reset', String(limit.reset)],
    ...('headers' in answer && answer.headers ? answer.headers : []),
  ];
  response.writeHead(answer.status, headers.flat()).end(body);
}

/**
 * An Okta org on 127.0.0.1 for tests: the Event Hooks Management API, API token metadata and
 * the System Log API as Okta's OpenAPI spec describes them (reference §5–§7), SSWS auth,
 * rate-limit headers, and real verification and delivery calls to the hooks' URIs.
 */
export async function startOktaEmulator(options: OktaEmulatorOptions = {}): Promise<OktaEmulator> {
  const now = options.now ?? Date.now;
  const org = new EmulatorOrg(options.domain ?? 'dev-000000.okta.com', now, {
    ...(options.rejectDebugDataFilter ? { rejectDebugDataFilter: true } : {}),
  });
  const tokens = makeTokens(options.tokens ?? [{}], now());
  const limits = new RateLimits({ logs: 20, 'event-hooks': 100, 'api-tokens': 100, ...options.limits }, now);
  const requests: SeenApiRequest[] = [];
  let base = '';

  const authenticate = (header: string | undefined): EmulatorToken | null => {
    const value = /^SSWS (.+)$/.exec(header ?? '')?.[1];
    const token = tokens.find((candidate) => candidate.value === value);
    if (!token || token.expiresAt <= now()) return null;
    // Every call renews a token's 30-day window (reference §7).
    if (!token.fixedExpiry) token.expiresAt = now() + token.windowMs;
    return token;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', base);
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: pairs(request.rawHeaders),
    });
    const limit = limits.take(bucketOf(url.pathname));
    if (limit.limited) return send(response, rateLimited(), limit);
    const token = authenticate(request.headers.authorization);
    if (!token) return send(response, invalidToken(), limit);
    let body: unknown = null;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(response, malformedBody(), limit);
      }
    }
    const call = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body,
      token,
      base,
    };
    send(response, await route(org, call, tokens), limit);
  };

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    org,
    tokens,
    token: tokens[0]?.value ?? '',
    requests,
    rateLimitNext: (bucket) => limits.forceNext(bucket),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
