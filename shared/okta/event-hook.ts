import { asRecord, asText, nullableText, textOr } from './json-access';

/** Okta's limit on event types per hook (https://developer.okta.com/docs/guides/hooks-best-practices/#limits-duplicates-and-order-of-hook-calls). */
export const MAX_HOOK_EVENT_TYPES = 300;

/** The only channel version Okta supports (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/createEventHook). */
const CHANNEL_VERSION = '1.0.0';

/** An EventHook object as read from the Management API (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/getEventHook), read permissively. */
export interface DecodedHook {
  id: string;
  name: string;
  description: string | null;
  status: string;
  verificationStatus: string;
  uri: string;
  eventTypes: string[];
  /** The EA event filter, kept as sent so a replace does not drop it. */
  filter: unknown;
  authHeader: string | null;
  headers: { key: string; value: string }[];
  lastUpdated: string | null;
}

const decodeHeaders = (value: unknown): DecodedHook['headers'] =>
  Array.isArray(value)
    ? value.flatMap((entry) => {
        const header = asRecord(entry);
        const key = asText(header?.key);
        return key === undefined ? [] : [{ key, value: textOr(header?.value, '') }];
      })
    : [];

/** Null when the value is not an EventHook at all (no id). */
export function decodeHook(value: unknown): DecodedHook | null {
  const hook = asRecord(value);
  const id = asText(hook?.id);
  if (!hook || id === undefined) return null;
  const events = asRecord(hook.events);
  const config = asRecord(asRecord(hook.channel)?.config);
  const items = Array.isArray(events?.items) ? events.items : [];
  return {
    id,
    name: textOr(hook.name, ''),
    description: nullableText(hook.description),
    status: textOr(hook.status, ''),
    verificationStatus: textOr(hook.verificationStatus, ''),
    uri: textOr(config?.uri, ''),
    eventTypes: items.flatMap((item) => asText(item) ?? []),
    filter: events?.filter ?? null,
    // Okta may return the key lower-cased (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/getEventHook): compare names case-insensitively.
    authHeader: nullableText(asRecord(config?.authScheme)?.key),
    headers: decodeHeaders(config?.headers),
    lastUpdated: nullableText(hook.lastUpdated),
  };
}

export interface HookConfig {
  name: string;
  description: string | null;
  eventTypes: string[];
  /** An existing hook's filter, carried over on replace. */
  filter?: unknown;
  uri: string;
  /** The header Okta sends the secret in, and the secret; null sends no auth header. */
  auth: { header: string; secret: string } | null;
  headers: { key: string; value: string }[];
}

/** The body of a create or a full replace (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/createEventHook); the secret is write-only in Okta. */
export function eventHookBody(config: HookConfig): Record<string, unknown> {
  const events: Record<string, unknown> = { type: 'EVENT_TYPE', items: config.eventTypes };
  if (config.filter !== undefined && config.filter !== null) events.filter = config.filter;
  const channelConfig: Record<string, unknown> = { uri: config.uri, headers: config.headers };
  if (config.auth) {
    channelConfig.authScheme = { type: 'HEADER', key: config.auth.header, value: config.auth.secret };
  }
  return {
    name: config.name,
    ...(config.description === null ? {} : { description: config.description }),
    events,
    channel: { type: 'HTTP', version: CHANNEL_VERSION, config: channelConfig },
  };
}

/** `ACTIVE · VERIFIED`: how the runs and the table name a hook's state. */
export const hookState = (hook: Pick<DecodedHook, 'status' | 'verificationStatus'>): string =>
  `${hook.status || '?'} · ${hook.verificationStatus || '?'}`;

/** Only ACTIVE and VERIFIED hooks receive events (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/verifyEventHook). */
export const hookDelivers = (hook: Pick<DecodedHook, 'status' | 'verificationStatus'>): boolean =>
  hook.status === 'ACTIVE' && hook.verificationStatus === 'VERIFIED';
