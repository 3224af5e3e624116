import { channelJson, readChannel, type StoredChannel } from './emulator-channel';
import { oktaId, validationFailed, type EmulatedError } from './emulator-errors';
import { isDeliverable } from './emulator-event-types';
import { filterJson, readFilter, type StoredFilterEntry } from './emulator-filter';
import { asRecord, asText, type JsonRecord } from './emulator-json';

/** An event hook as the emulated org keeps it, secret included (Okta never returns it). */
export interface StoredHook extends StoredChannel {
  id: string;
  name: string;
  description: string | null;
  status: 'ACTIVE' | 'INACTIVE';
  verificationStatus: 'VERIFIED' | 'UNVERIFIED';
  created: string;
  createdBy: string;
  lastUpdated: string;
  eventTypes: string[];
  filter: StoredFilterEntry[] | null;
}

/** Okta calls hooks over https only, on any host (https://developer.okta.com/docs/guides/hooks-best-practices/). */
const isHttpsUrl = (uri: string): boolean => {
  try {
    return new URL(uri).protocol === 'https:' && /^https:\/\/[^\s/]+/i.test(uri);
  } catch {
    return false;
  }
};

type HookInput = Omit<
  StoredHook,
  'id' | 'status' | 'verificationStatus' | 'created' | 'createdBy' | 'lastUpdated'
>;

const problems = (body: JsonRecord): string[] => {
  const found: string[] = [];
  const events = asRecord(body.events);
  const channel = asRecord(body.channel);
  const config = asRecord(channel?.config);
  const items = Array.isArray(events?.items) ? events.items : null;
  if (!asText(body.name)) found.push('name: The field cannot be left blank');
  if (events?.type !== 'EVENT_TYPE') found.push('events.type: must be EVENT_TYPE');
  if (!items || items.length === 0) found.push('events.items: at least one event type is required');
  else if (items.length > 300) found.push('events.items: a hook subscribes to 300 event types at most');
  for (const item of items ?? []) {
    if (typeof item !== 'string' || !isDeliverable(item)) {
      found.push(`events.items: ${String(item)} is not an event type eligible for event hooks`);
    }
  }
  if (channel?.type !== 'HTTP') found.push('channel.type: must be HTTP');
  if (channel?.version !== '1.0.0') found.push('channel.version: only 1.0.0 is supported');
  if (!isHttpsUrl(asText(config?.uri) ?? '')) found.push('channel.config.uri: must be a valid HTTPS URL');
  const auth = asRecord(config?.authScheme);
  if (auth && (auth.type !== 'HEADER' || !asText(auth.key) || typeof auth.value !== 'string')) {
    found.push('channel.config.authScheme: type HEADER with a key and a value is required');
  }
  return found;
};

/**
 * Validate a create or replace body; Okta answers 400 E0000001 with the causes. A filter is
 * refused while the org has the feature off.
 */
export function readHookInput(body: unknown, filtersEnabled: boolean): HookInput | EmulatedError {
  const record = asRecord(body);
  const found = record ? problems(record) : ['the body must be an EventHook object'];
  if (!record || found.length > 0) return validationFailed('eventHook', found);
  const events = asRecord(record.events) ?? {};
  const filter = readFilter(events.filter, events.items as string[], filtersEnabled);
  if ('status' in filter) return filter;
  return {
    name: asText(record.name) ?? '',
    description: asText(record.description) ?? null,
    eventTypes: (events.items as string[]).slice(),
    filter: filter.entries,
    ...readChannel(record),
  };
}

export function newHook(input: HookInput, createdBy: string, now: number): StoredHook {
  const at = new Date(now).toISOString();
  return {
    ...input,
    id: oktaId('who'),
    // Created hooks start ACTIVE and UNVERIFIED (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/createEventHook).
    status: 'ACTIVE',
    verificationStatus: 'UNVERIFIED',
    created: at,
    createdBy,
    lastUpdated: at,
  };
}

/** A full replace: a changed channel must be verified again (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/replaceEventHook). */
export function replaceHook(hook: StoredHook, input: HookInput, now: number): StoredHook {
  const channelChanged =
    hook.uri !== input.uri ||
    JSON.stringify(hook.headers) !== JSON.stringify(input.headers) ||
    JSON.stringify(hook.auth) !== JSON.stringify(input.auth);
  return {
    ...hook,
    ...input,
    verificationStatus: channelChanged ? 'UNVERIFIED' : hook.verificationStatus,
    lastUpdated: new Date(now).toISOString(),
  };
}

const link = (href: string) => ({ href, hints: { allow: ['POST'] } });

/** The EventHook JSON Okta returns: no secret, the auth key lower-cased (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/getEventHook). */
export function hookJson(hook: StoredHook, base: string): Record<string, unknown> {
  const self = `${base}/api/v1/eventHooks/${hook.id}`;
  const lifecycle = hook.status === 'ACTIVE' ? 'deactivate' : 'activate';
  return {
    id: hook.id,
    status: hook.status,
    verificationStatus: hook.verificationStatus,
    name: hook.name,
    description: hook.description,
    created: hook.created,
    createdBy: hook.createdBy,
    lastUpdated: hook.lastUpdated,
    events: { type: 'EVENT_TYPE', items: hook.eventTypes, filter: filterJson(hook.filter) },
    channel: channelJson(hook, hook.auth ? hook.auth.key.toLowerCase() : null),
    _links: {
      self: { href: self },
      verify: link(`${self}/lifecycle/verify`),
      [lifecycle]: link(`${self}/lifecycle/${lifecycle}`),
    },
  };
}
