import type { OktaConnection, OktaProblem, TokenExpiry } from '../../../shared/model/okta';
import { maskSecret } from '../../../shared/okta/secret-mask';
import type { Clock } from '../deps';
import { OktaApi, type ApiTokenInfo } from './okta-api';
import { OktaClient, type OktaResult } from './okta-client';

/** A connected org: where it is, the token, and what the last calls said. */
export interface Session {
  domain: string;
  token: string;
  api: OktaApi;
  connectedAt: number;
  /** The last failure talking to Okta (cleared by the next success). */
  problem: OktaProblem | null;
  /** The last listing of API token metadata, for the expiry. */
  tokens: OktaResult<ApiTokenInfo[]> | null;
}

/** API calls go to the org's https domain, or to the loopback emulator given for tests. */
export function openSession(
  domain: string,
  token: string,
  clock: Clock,
  baseUrlOverride: string | null,
): Session {
  const client = new OktaClient({
    baseUrl: baseUrlOverride ?? domain,
    token,
    now: () => clock.now(),
    monotonic: () => clock.monotonic(),
  });
  return { domain, token, api: new OktaApi(client), connectedAt: clock.now(), problem: null, tokens: null };
}

/** The connection as the UI sees it: the token only as configured and masked. */
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
    token: { configured: session !== null, masked: maskSecret(session?.token ?? '') },
    connectedAt: session?.connectedAt ?? null,
    problem: session?.problem ?? null,
    tokenExpiry,
    baseUrlOverride,
  };
}
