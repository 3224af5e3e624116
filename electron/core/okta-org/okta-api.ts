import { decodeHook, type DecodedHook } from '../../../shared/okta/event-hook';
import { asRecord, asText } from '../../../shared/okta/json-access';
import { decodeAnswer, listOf, type OktaClient, type OktaResult } from './okta-client';
import type { CallPurpose } from './okta-problem';

/** Scopes and permissions per operation (https://developer.okta.com/docs/api/oauth2/), named in 403 explanations. */
const HOOKS_READ: CallPurpose = { permission: 'okta.eventHooks.read' };
const HOOKS_MANAGE: CallPurpose = { permission: 'okta.eventHooks.manage' };
const TOKENS_READ: CallPurpose = { permission: 'okta.apiTokens.read' };
const LOGS_READ: CallPurpose = { permission: 'okta.logs.read' };

/** Okta waits 3 s for the challenge answer and retries once (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/verifyEventHook): leave room for both. */
const VERIFY_TIMEOUT_MS = 30_000;
/**
 * Okta lets a System Log query run 30 s before it answers 500 E0000009
 * (https://developer.okta.com/docs/reference/system-log-query/): wait for that answer.
 */
export const LOGS_TIMEOUT_MS = 35_000;

export type LifecycleAction = 'activate' | 'deactivate' | 'verify';

/** API token metadata (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApiToken/#tag/ApiToken/operation/listApiTokens); the token value itself is never listed. */
export interface ApiTokenInfo {
  id: string;
  name: string;
  userId: string | null;
  expiresAt: string | null;
}

function decodeToken(value: unknown): ApiTokenInfo | null {
  const token = asRecord(value);
  const id = asText(token?.id);
  if (id === undefined) return null;
  return {
    id,
    name: asText(token?.name) ?? id,
    userId: asText(token?.userId) ?? null,
    expiresAt: asText(token?.expiresAt) ?? null,
  };
}

const array = (value: unknown): unknown[] | null => (Array.isArray(value) ? value : null);

const hookPath = (id: string) => `/api/v1/eventHooks/${encodeURIComponent(id)}`;

/** The Management and System Log API operations the inspector uses, with typed answers. */
export class OktaApi {
  constructor(readonly client: OktaClient) {}

  private decoded<T>(result: OktaResult<unknown>, decode: (value: unknown) => T | null): OktaResult<T> {
    return decodeAnswer(result, decode, this.client.now());
  }

  async listHooks(): Promise<OktaResult<DecodedHook[]>> {
    return this.decoded(
      await this.client.request('GET', '/api/v1/eventHooks', HOOKS_READ),
      listOf(decodeHook),
    );
  }

  async getHook(id: string): Promise<OktaResult<DecodedHook>> {
    return this.decoded(await this.client.request('GET', hookPath(id), HOOKS_READ), decodeHook);
  }

  async createHook(body: Record<string, unknown>): Promise<OktaResult<DecodedHook>> {
    const result = await this.client.request('POST', '/api/v1/eventHooks', HOOKS_MANAGE, body);
    return this.decoded(result, decodeHook);
  }

  /** A full replace: changing the channel requires verifying again (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/replaceEventHook). */
  async replaceHook(id: string, body: Record<string, unknown>): Promise<OktaResult<DecodedHook>> {
    return this.decoded(await this.client.request('PUT', hookPath(id), HOOKS_MANAGE, body), decodeHook);
  }

  async lifecycle(id: string, action: LifecycleAction): Promise<OktaResult<DecodedHook>> {
    const timeout = action === 'verify' ? VERIFY_TIMEOUT_MS : undefined;
    const path = `${hookPath(id)}/lifecycle/${action}`;
    return this.decoded(
      await this.client.request('POST', path, HOOKS_MANAGE, undefined, timeout),
      decodeHook,
    );
  }

  /** Okta deletes INACTIVE hooks only (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/deleteEventHook). */
  async deleteHook(id: string): Promise<OktaResult<true>> {
    return this.decoded(await this.client.request('DELETE', hookPath(id), HOOKS_MANAGE), () => true);
  }

  async listApiTokens(): Promise<OktaResult<ApiTokenInfo[]>> {
    return this.decoded(
      await this.client.request('GET', '/api/v1/api-tokens', TOKENS_READ),
      listOf(decodeToken),
    );
  }

  /** A first System Log query (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/#tag/SystemLog/operation/listLogEvents); later pages come from `followLogs`. */
  async logs(query: string): Promise<OktaResult<unknown[]>> {
    const result = await this.client.request(
      'GET',
      `/api/v1/logs?${query}`,
      LOGS_READ,
      undefined,
      LOGS_TIMEOUT_MS,
    );
    return this.decoded(result, array);
  }

  async followLogs(link: string): Promise<OktaResult<unknown[]>> {
    return this.decoded(await this.client.follow(link, LOGS_READ, LOGS_TIMEOUT_MS), array);
  }
}

export { hookPath };
