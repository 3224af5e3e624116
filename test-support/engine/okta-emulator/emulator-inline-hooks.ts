import { channelJson, readChannel, type StoredChannel } from './emulator-channel';
import { oktaId, validationFailed, type EmulatedError } from './emulator-errors';
import { asRecord, asText, type JsonRecord } from './emulator-json';

/**
 * The six inline hook types Okta's Management API accepts (`InlineHookType`,
 * https://developer.okta.com/docs/api/openapi/okta-management/management/tag/InlineHook/).
 */
export const INLINE_HOOK_TYPES = [
  'com.okta.oauth2.tokens.transform',
  'com.okta.saml.tokens.transform',
  'com.okta.user.pre-registration',
  'com.okta.user.credential.password.import',
  'com.okta.import.transform',
  'com.okta.telephony.provider',
] as const;

/** An inline hook as the emulated org keeps it, its auth value included (Okta never returns it). */
export interface StoredInlineHook extends StoredChannel {
  id: string;
  name: string;
  type: string;
  version: string;
  status: 'ACTIVE' | 'INACTIVE';
  created: string;
  lastUpdated: string;
}

type InlineInput = Pick<StoredInlineHook, 'name' | 'type' | 'version' | 'uri' | 'headers' | 'auth'>;

/** `uri` must be https, at most 1024 characters, without whitespace. */
function uriProblem(uri: string | undefined): string | null {
  if (uri === undefined || uri.length > 1024 || /\s/.test(uri))
    return 'channel.config.uri: must be a valid HTTPS URL';
  try {
    return new URL(uri).protocol === 'https:' ? null : 'channel.config.uri: must be a valid HTTPS URL';
  } catch {
    return 'channel.config.uri: must be a valid HTTPS URL';
  }
}

function channelProblems(channel: JsonRecord | undefined, type: unknown): string[] {
  const found: string[] = [];
  const config = asRecord(channel?.config);
  // The emulator speaks the HTTP channel; OAUTH hooks are refused rather than half-emulated.
  if (channel?.type !== 'HTTP') found.push('channel.type: only HTTP is supported by this emulator');
  if (channel?.version !== '1.0.0') found.push('channel.version: only 1.0.0 is supported');
  if (config?.method !== undefined && config.method !== 'POST')
    found.push('channel.config.method: must be POST');
  const uri = uriProblem(asText(config?.uri));
  if (uri) found.push(uri);
  const auth = asRecord(config?.authScheme);
  if (auth && (auth.type !== 'HEADER' || !asText(auth.key) || typeof auth.value !== 'string'))
    found.push('channel.config.authScheme: type HEADER with a key and a value is required');
  if (!auth && type === 'com.okta.telephony.provider')
    found.push('channel.config.authScheme: a telephony hook requires an authScheme');
  return found;
}

function problems(body: JsonRecord, replacing: StoredInlineHook | null): string[] {
  const found: string[] = [];
  const name = asText(body.name);
  if (!name || name.length > 255) found.push('name: The field cannot be left blank (1 to 255 characters)');
  if (replacing === null && !(INLINE_HOOK_TYPES as readonly unknown[]).includes(body.type))
    found.push(`type: must be one of ${INLINE_HOOK_TYPES.join(', ')}`);
  if (replacing !== null && body.type !== undefined && body.type !== replacing.type)
    found.push('type: The type of an inline hook cannot be changed');
  if (asText(body.version) === undefined) found.push('version: The field cannot be left blank');
  return [...found, ...channelProblems(asRecord(body.channel), replacing?.type ?? body.type)];
}

/** Validate a create or replace body; Okta answers 400 E0000001 with the causes. */
export function readInlineInput(
  body: unknown,
  replacing: StoredInlineHook | null,
): InlineInput | EmulatedError {
  const record = asRecord(body);
  const found = record ? problems(record, replacing) : ['the body must be an InlineHook object'];
  if (!record || found.length > 0) return validationFailed('inlineHook', found);
  return {
    name: asText(record.name) ?? '',
    type: replacing?.type ?? asText(record.type) ?? '',
    version: asText(record.version) ?? '1.0.0',
    ...readChannel(record),
  };
}

export function newInlineHook(input: InlineInput, now: number): StoredInlineHook {
  const at = new Date(now).toISOString();
  // Created inline hooks start ACTIVE (no verification step exists for them).
  return { ...input, id: oktaId('cal'), status: 'ACTIVE', created: at, lastUpdated: at };
}

const link = (href: string) => ({ href, hints: { allow: ['POST'] } });

/** The InlineHook JSON Okta returns: the auth value never, the key as stored. */
export function inlineHookJson(hook: StoredInlineHook, base: string): JsonRecord {
  const self = `${base}/api/v1/inlineHooks/${hook.id}`;
  const lifecycle = hook.status === 'ACTIVE' ? 'deactivate' : 'activate';
  return {
    id: hook.id,
    status: hook.status,
    name: hook.name,
    type: hook.type,
    version: hook.version,
    channel: channelJson(hook, hook.auth?.key ?? null),
    created: hook.created,
    lastUpdated: hook.lastUpdated,
    _links: {
      self: { href: self, hints: { allow: ['GET', 'PUT', 'DELETE'] } },
      [lifecycle]: link(`${self}/lifecycle/${lifecycle}`),
      execute: link(`${self}/execute`),
    },
  };
}
