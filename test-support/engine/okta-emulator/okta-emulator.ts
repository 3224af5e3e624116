import { EmulatorAuth } from './emulator-auth';
import { oktaId } from './emulator-errors';
import type { FailureShape } from './emulator-events';
import { EmulatorFront, type SeenApiRequest } from './emulator-front';
import { EmulatorOrg } from './emulator-org';
import { RateLimits, type Bucket } from './emulator-rate-limit';
import type { EmulatorToken, Role } from './emulator-routes';
import { listen, type ServerTls } from './emulator-server';
import { EmulatorTokenServer, type EmulatorApp } from './emulator-token';

export type { SeenApiRequest };

const DAY = 24 * 3600_000;
/** Calls per minute per bucket; a free developer org's System Log allows about 20. */
const DEFAULT_LIMITS = { logs: 20, 'event-hooks': 100, 'api-tokens': 100, oauth: 600 };

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
  /** Event hook filters (a self-service EA feature) are on; true unless said otherwise. */
  filtersEnabled?: boolean;
  /** A CA the org trusts when it calls hooks: the test's https stand-in for a tunnel. */
  trust?: string;
  /** Serve the API over https with this certificate (instead of http). */
  tls?: ServerTls;
  now?: () => number;
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

/**
 * An Okta org on 127.0.0.1 for tests: the Event Hooks and Inline Hooks Management APIs (with
 * `/execute`), API token metadata, the System Log API and the org authorization server's token
 * endpoint, as Okta's docs and OpenAPI spec describe them; rate-limit headers; and real
 * verification, delivery and inline calls to the hooks (https only, 3 s, one retry).
 * It shares no code with the inspector it tests.
 */
export async function startOktaEmulator(options: OktaEmulatorOptions = {}): Promise<OktaEmulator> {
  const now = options.now ?? Date.now;
  const domain = options.domain ?? 'dev-000000.okta.com';
  const origin = `https://${domain}`;
  const { rejectDebugDataFilter, trust, failureShape, filtersEnabled } = options;
  const org = new EmulatorOrg(domain, now, { rejectDebugDataFilter, trust, failureShape, filtersEnabled });
  const tokens = makeTokens(options.tokens ?? [{}], now());
  const oauth = new EmulatorTokenServer(`${origin}/oauth2/v1/token`, now);
  for (const app of options.apps ?? []) oauth.addApp(app);
  const limits = new RateLimits({ ...DEFAULT_LIMITS, ...options.limits }, now);
  const front = new EmulatorFront({
    org,
    tokens,
    oauth,
    auth: new EmulatorAuth(origin, tokens, oauth, now),
    limits,
    origin,
    scheme: options.tls ? 'https' : 'http',
  });
  const server = await listen((request, response) => {
    front.handle(request, response).catch(() => response.writeHead(500).end());
  }, options.tls);
  return {
    url: server.url,
    port: server.port,
    org,
    tokens,
    token: tokens[0]?.value ?? '',
    oauth,
    addApp: (seed) => oauth.addApp(seed),
    requests: front.requests,
    rateLimitNext: (bucket) => limits.forceNext(bucket),
    close: () => server.close(),
  };
}
