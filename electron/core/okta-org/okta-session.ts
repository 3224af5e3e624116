import type { OktaAuthView, OktaConnection, OktaProblem, TokenExpiry } from '../../../shared/model/okta';
import { maskSecret } from '../../../shared/okta/secret-mask';
import { scopesFor } from '../../../shared/okta/service-app-scopes';
import type { Clock } from '../deps';
import type { HttpTransport } from '../http/http-transport';
import { apiTokenCredentials, serviceAppCredentials } from './credentials';
import { OktaApi, type ApiTokenInfo } from './okta-api';
import { OktaClient, type OktaResult } from './okta-client';
import type { Login } from './okta-login';
import { publicJwkOf } from './service-app-key';
import { TokenSource } from './token-source';

/** A connected org: where it is, how the inspector signs in, and what the last calls said. */
export interface Session {
  domain: string;
  login: Login;
  /** A service app's access tokens; null for an API token. */
  tokens: TokenSource | null;
  api: OktaApi;
  connectedAt: number;
  /** The last failure talking to Okta (cleared by the next success). */
  problem: OktaProblem | null;
  /** The last listing of API token metadata, for the expiry (API tokens only). */
  apiTokens: OktaResult<ApiTokenInfo[]> | null;
}

export interface SessionDeps {
  clock: Clock;
  /** A loopback Okta emulator instead of the org (tests, demos). */
  baseUrlOverride: string | null;
  transport: HttpTransport;
}

function signIn(domain: string, baseUrl: string, login: Login, deps: SessionDeps) {
  if (login.kind === 'api-token') return { tokens: null, credentials: apiTokenCredentials(login.token) };
  const scopes = scopesFor(login.features);
  const { clientId, signing } = login;
  const { transport, clock } = deps;
  const tokens = new TokenSource({ org: domain, baseUrl, clientId, signing, scopes, transport, clock });
  return { tokens, credentials: serviceAppCredentials(tokens, scopes) };
}

/** API calls go to the org's https domain, or to the loopback emulator given for tests. */
export function openSession(domain: string, login: Login, deps: SessionDeps): Session {
  const baseUrl = deps.baseUrlOverride ?? domain;
  const { tokens, credentials } = signIn(domain, baseUrl, login, deps);
  const client = new OktaClient({
    org: domain,
    baseUrl,
    credentials,
    transport: deps.transport,
    now: () => deps.clock.now(),
  });
  return {
    domain,
    login,
    tokens,
    api: new OktaApi(client),
    connectedAt: deps.clock.now(),
    problem: null,
    apiTokens: null,
  };
}

/** Why the System Log is not read, or null when it is: an API token may try; an app needs the scope. */
export const logsOff = ({ login }: Session): string | null =>
  login.kind === 'api-token' || login.features.includes('system-log')
    ? null
    : "Not polled: the service app was connected without Okta's account of deliveries (okta.logs.read).";

const HIDDEN = { configured: true, masked: maskSecret('hidden') };

function authView(session: Session): OktaAuthView {
  const { login } = session;
  if (login.kind === 'api-token')
    return { kind: 'api-token', token: { configured: true, masked: maskSecret(login.token) } };
  return {
    kind: 'service-app',
    clientId: login.clientId,
    keyId: String(publicJwkOf(login.signing).kid),
    privateKey: HIDDEN,
    features: login.features,
    scopes: scopesFor(login.features),
    dpop: session.tokens?.usesDpop ?? false,
  };
}

/** The connection as the UI sees it: secrets only as configured and masked. */
export function connectionView(
  session: Session | null,
  tokenExpiry: TokenExpiry | null,
  baseUrlOverride: string | null,
): OktaConnection {
  const kind = session?.problem?.kind;
  const status =
    session === null ? 'not-connected' : kind === 'token' || kind === 'permission' ? 'failing' : 'connected';
  return {
    status,
    domain: session?.domain ?? null,
    auth: session === null ? null : authView(session),
    connectedAt: session?.connectedAt ?? null,
    problem: session?.problem ?? null,
    tokenExpiry,
    baseUrlOverride,
  };
}
