import type { HeaderList } from '../../../shared/model/exchange';
import type { OktaProblem } from '../../../shared/model/okta';
import type { TokenSource } from './token-source';

export type AuthKind = 'api-token' | 'service-app';

export type Authorized =
  | { ok: true; headers: HeaderList }
  | { ok: false; status: number; problem: OktaProblem; errorCode: string | null };

/** How every Okta API call proves who makes it. */
export interface Credentials {
  readonly kind: AuthKind;
  /** The headers authorizing one call to `orgUrl` (the org's own URL: DPoP proofs name it). */
  authorize(method: string, orgUrl: URL): Promise<Authorized>;
  /** Okta refused them on a call: true when asking again with new ones may help. */
  refused(): boolean;
  /** The scopes asked for (and granted); null for an API token, which has its admin's rights. */
  scopes(): string[] | null;
}

/** An SSWS API token (https://developer.okta.com/docs/guides/create-an-api-token/). */
export const apiTokenCredentials = (token: string): Credentials => ({
  kind: 'api-token',
  authorize: () => Promise.resolve({ ok: true, headers: [['Authorization', `SSWS ${token}`]] }),
  refused: () => false,
  scopes: () => null,
});

/**
 * A service app's access tokens, minted on demand and sent as `Bearer`, or as `DPoP` with a
 * proof for each call naming its method, URL and token hash when the app requires DPoP.
 */
export function serviceAppCredentials(tokens: TokenSource, requested: string[]): Credentials {
  return {
    kind: 'service-app',
    authorize: async (method, orgUrl) => {
      const minted = await tokens.token();
      if (!minted.ok) {
        return {
          ok: false,
          status: minted.status,
          problem: minted.problem,
          errorCode: minted.refusal?.error ?? null,
        };
      }
      const { value, type } = minted.token;
      const headers: HeaderList = [['Authorization', `${type} ${value}`]];
      if (type === 'DPoP')
        headers.push(['DPoP', tokens.proof(method, `${orgUrl.origin}${orgUrl.pathname}`, value)]);
      return { ok: true, headers };
    },
    refused: () => {
      tokens.invalidate();
      return true;
    },
    scopes: () => requested,
  };
}
