import { refuse, type Principal } from './emulator-auth';
import {
  accessDenied,
  methodNotAllowed,
  notFound,
  validationFailed,
  type EmulatedError,
} from './emulator-errors';
import { hookJson, newHook, readHookInput, replaceHook, type StoredHook } from './emulator-hooks';
import type { HeaderPairs } from './emulator-http';
import type { EmulatorOrg } from './emulator-org';
import { inlineHookRoute } from './emulator-inline-routes';

export type Role = 'super-admin' | 'read-only' | 'none';

export interface EmulatorToken {
  value: string;
  id: string;
  name: string;
  role: Role;
  /** Epoch ms; renewed on every use by `windowMs` unless `fixedExpiry` (https://developer.okta.com/docs/guides/create-an-api-token/main/#token-expiration-and-deactivation). */
  expiresAt: number;
  windowMs: number;
  fixedExpiry?: boolean;
}

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  principal: Principal;
  /** The emulator's own base URL, for `_links` and `Link` headers. */
  base: string;
  /** Scope checks of an OAuth caller (the emulator's auth): a 403 answer, or null. */
  lacksScope(scope: string): Answer | null;
}

export type Answer = { status: number; body?: unknown; headers?: HeaderPairs } | EmulatedError;

const HOOK_PATH = /^\/api\/v1\/eventHooks\/([^/]+)(?:\/lifecycle\/(activate|deactivate|verify))?$/;

/** Okta's scopes per operation (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/). */
const HOOKS_READ = 'okta.eventHooks.read';
const HOOKS_MANAGE = 'okta.eventHooks.manage';

const tooManyLive = () =>
  validationFailed('eventHook', ['An org can have at most 25 active and verified event hooks']);

function hooksCollection(org: EmulatorOrg, call: Call): Answer {
  if (call.method === 'GET') {
    return (
      refuse(call, HOOKS_READ) ?? {
        status: 200,
        body: [...org.hooks.values()].map((h) => hookJson(h, call.base)),
      }
    );
  }
  if (call.method !== 'POST') return methodNotAllowed();
  const refused = refuse(call, HOOKS_MANAGE);
  if (refused) return refused;
  const input = readHookInput(call.body, org.filtersEnabled);
  if ('status' in input) return input;
  const hook = newHook(input, '00u1admin0emulator01', org.now());
  org.hooks.set(hook.id, hook);
  org.recordLifecycle('event_hook.created', hook, call.principal);
  // Okta answers a create with 200, not 201 (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/createEventHook).
  return { status: 200, body: hookJson(hook, call.base) };
}

async function lifecycle(org: EmulatorOrg, call: Call, hook: StoredHook, action: string): Promise<Answer> {
  const becomesLive =
    (action === 'verify' && hook.status === 'ACTIVE' && hook.verificationStatus !== 'VERIFIED') ||
    (action === 'activate' && hook.status !== 'ACTIVE' && hook.verificationStatus === 'VERIFIED');
  if (becomesLive && !org.hasRoomForLiveHook()) return tooManyLive();
  if (action === 'verify') {
    const failure = await org.verify(hook, call.principal);
    if (failure !== null) {
      return validationFailed('eventHook', [
        `Unable to verify event hook. Hook ${hook.name} execution failed`,
      ]);
    }
  } else {
    const status = action === 'activate' ? 'ACTIVE' : 'INACTIVE';
    org.hooks.set(hook.id, { ...hook, status, lastUpdated: new Date(org.now()).toISOString() });
    org.recordLifecycle(`event_hook.${action}d`, hook, call.principal);
  }
  return { status: 200, body: hookJson(org.hooks.get(hook.id) ?? hook, call.base) };
}

function replace(org: EmulatorOrg, call: Call, hook: StoredHook): Answer {
  const input = readHookInput(call.body, org.filtersEnabled);
  if ('status' in input) return input;
  const next = replaceHook(hook, input, org.now());
  org.hooks.set(hook.id, next);
  org.recordLifecycle('event_hook.updated', next, call.principal);
  return { status: 200, body: hookJson(next, call.base) };
}

function remove(org: EmulatorOrg, call: Call, hook: StoredHook): Answer {
  // Only INACTIVE hooks can be deleted (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/deleteEventHook); the exact error is not documented.
  if (hook.status !== 'INACTIVE') {
    return validationFailed('eventHook', ['An ACTIVE event hook cannot be deleted: deactivate it first']);
  }
  org.hooks.delete(hook.id);
  org.recordLifecycle('event_hook.deleted', hook, call.principal);
  return { status: 204 };
}

async function oneHook(org: EmulatorOrg, call: Call, id: string, action?: string): Promise<Answer> {
  const allowed = action !== undefined ? ['POST'] : ['GET', 'PUT', 'DELETE'];
  if (!allowed.includes(call.method)) return methodNotAllowed();
  const refused = refuse(call, call.method === 'GET' ? HOOKS_READ : HOOKS_MANAGE);
  if (refused) return refused;
  const hook = org.hooks.get(id);
  if (!hook) return notFound(id, 'EventHook');
  if (action !== undefined) return lifecycle(org, call, hook, action);
  if (call.method === 'GET') return { status: 200, body: hookJson(hook, call.base) };
  return call.method === 'PUT' ? replace(org, call, hook) : remove(org, call, hook);
}

function apiTokens(call: Call, tokens: EmulatorToken[]): Answer {
  if (call.method !== 'GET') return methodNotAllowed();
  const refused =
    call.lacksScope('okta.apiTokens.read') ?? (call.principal.role === 'super-admin' ? null : accessDenied());
  if (refused) return refused;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    status: 200,
    body: tokens.map((token) => ({
      clientName: 'Okta API',
      created: iso(token.expiresAt - token.windowMs),
      expiresAt: iso(token.expiresAt),
      id: token.id,
      lastUpdated: iso(token.expiresAt - token.windowMs),
      name: token.name,
      tokenWindow: 'P30D',
      userId: '00u1admin0emulator01',
      network: { connection: 'ANYWHERE' },
      _links: { self: { href: `${call.base}/api/v1/api-tokens/${token.id}` } },
    })),
  };
}

function logs(org: EmulatorOrg, call: Call): Answer {
  if (call.method !== 'GET') return methodNotAllowed();
  const refused = refuse(call, 'okta.logs.read');
  if (refused) return refused;
  const page = org.log.query(call.query, org.now());
  if ('status' in page) return page;
  const self = `${call.base}${call.path}?${call.query.toString()}`;
  const headers: HeaderPairs = [['Link', `<${self}>; rel="self"`]];
  if (page.next !== null) headers.push(['Link', `<${call.base}/api/v1/logs?${page.next}>; rel="next"`]);
  return { status: 200, body: page.events, headers };
}

/** Route one authenticated call to the Management or System Log API. */
export function route(org: EmulatorOrg, call: Call, tokens: EmulatorToken[]): Promise<Answer> | Answer {
  if (call.path === '/api/v1/eventHooks') return hooksCollection(org, call);
  const hook = HOOK_PATH.exec(call.path);
  if (hook) return oneHook(org, call, decodeURIComponent(hook[1] ?? ''), hook[2]);
  if (call.path === '/api/v1/api-tokens') return apiTokens(call, tokens);
  if (call.path === '/api/v1/logs') return logs(org, call);
  return inlineHookRoute(org, call) ?? notFound(call.path, 'Resource');
}
