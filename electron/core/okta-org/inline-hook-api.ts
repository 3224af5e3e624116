import type { OktaInlineHook } from '../../../shared/model/okta-inline';
import { hookOfEventType } from '../../../shared/okta/inline/catalog';
import { asRecord, asText } from '../../../shared/okta/json-access';
import { decodeAnswer, listOf, type OktaClient, type OktaResult } from './okta-client';
import type { CallPurpose } from './okta-problem';

/** Scopes per operation (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/InlineHook/). */
const READ: CallPurpose = { permission: 'okta.inlineHooks.read' };
const MANAGE: CallPurpose = { permission: 'okta.inlineHooks.manage' };
/** `/execute` waits for up to two calls of 3 s each (one retry), then answers. */
const EXECUTE_TIMEOUT_MS = 15_000;

const path = (id: string) => `/api/v1/inlineHooks/${encodeURIComponent(id)}`;

export type ListedInlineHook = Omit<OktaInlineHook, 'pointsHere'>;

export function decodeInlineHook(value: unknown): ListedInlineHook | null {
  const hook = asRecord(value);
  const id = asText(hook?.id);
  const type = asText(hook?.type);
  if (id === undefined || type === undefined) return null;
  const channel = asRecord(hook?.channel);
  const config = asRecord(channel?.config);
  return {
    id,
    name: asText(hook?.name) ?? id,
    type,
    hook: hookOfEventType(type) ?? null,
    status: asText(hook?.status) ?? 'UNKNOWN',
    channel: asText(channel?.type) ?? 'HTTP',
    uri: asText(config?.uri) ?? '',
    authHeader: asText(asRecord(config?.authScheme)?.key) ?? null,
    lastUpdated: asText(hook?.lastUpdated) ?? null,
  };
}

/** The Inline Hooks Management API operations the inspector uses. */
export class InlineHookApi {
  constructor(private readonly client: OktaClient) {}

  private decoded<T>(result: OktaResult<unknown>, decode: (value: unknown) => T | null): OktaResult<T> {
    return decodeAnswer(result, decode, this.client.now());
  }

  async list(): Promise<OktaResult<ListedInlineHook[]>> {
    return this.decoded(
      await this.client.request('GET', '/api/v1/inlineHooks', READ),
      listOf(decodeInlineHook),
    );
  }

  async create(body: Record<string, unknown>): Promise<OktaResult<ListedInlineHook>> {
    return this.decoded(
      await this.client.request('POST', '/api/v1/inlineHooks', MANAGE, body),
      decodeInlineHook,
    );
  }

  /** A full replace: Okta never returns the auth value, so it is sent again every time. */
  async replace(id: string, body: Record<string, unknown>): Promise<OktaResult<ListedInlineHook>> {
    return this.decoded(await this.client.request('PUT', path(id), MANAGE, body), decodeInlineHook);
  }

  async lifecycle(id: string, action: 'activate' | 'deactivate'): Promise<OktaResult<ListedInlineHook>> {
    const result = await this.client.request('POST', `${path(id)}/lifecycle/${action}`, MANAGE);
    return this.decoded(result, decodeInlineHook);
  }

  /** Okta deletes INACTIVE inline hooks only. */
  async remove(id: string): Promise<OktaResult<true>> {
    return this.decoded(await this.client.request('DELETE', path(id), MANAGE), () => true);
  }

  /** Okta calls the hook with `payload` and answers with the hook's answer, or why it could not use it. */
  execute(id: string, payload: unknown): Promise<OktaResult<unknown>> {
    return this.client.request('POST', `${path(id)}/execute`, MANAGE, payload, EXECUTE_TIMEOUT_MS);
  }
}
