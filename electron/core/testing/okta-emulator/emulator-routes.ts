import type { HeaderList } from '../../../../shared/model/exchange';
import { accessDenied, notFound, validationFailed, type EmulatedError } from './emulator-errors';
import { hookJson, newHook, readHookInput, replaceHook, type StoredHook } from './emulator-hooks';
import type { EmulatorOrg } from './emulator-org';

export type Role = 'super-admin' | 'read-only' | 'none';

export interface EmulatorToken {
  value: string;
  id: string;
  name: string;
  role: Role;
  /** Epoch ms; renewed on every use by `windowMs` unless `fixedExpiry` (reference §7). */
  expiresAt: number;
  windowMs: number;
  fixedExpiry?: boolean;
}

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  token: EmulatorToken;
  /** The emulator's own base URL, for `_links` and `Link` headers. */
  base: string;
}

export type Answer = { status: number; body?: unknown; headers?: HeaderList } | EmulatedError;

const HOOK_PATH = /^\/api\/v1\/eventHooks\/([^/]+)(?:\/lifecycle\/(activate|deactivate|verify))?$/;

const canManage = (token: EmulatorToken) => token.role === 'super-admin';
const canRead = (token: EmulatorToken) => token.role !== 'none';

function hooksCollection(org: EmulatorOrg, call: Call): Answer {
  if (call.method === 'GET') {
    if (!canRead(call.token)) return accessDenied();
    return { status: 200, body: [...org.hooks.values()].map((hook) => hookJson(hook, call.base)) };
  }
  if (call.method !== 'POST') return notFound(call.path, 'Resource');
  if (!canManage(call.token)) return accessDenied();
  const input = readHookInput(call.body);
  if ('status' in input) return input;
  const hook = newHook(input, '00u1admin0emulator01', org.now());
  org.hooks.set(hook.id, hook);
  org.recordLifecycle('event_hook.created', hook, call.token.id);
  // Okta answers a create with 200, not 201 (reference §5).
  return { status: 200, body: hookJson(hook, call.base) };
}

async function lifecycle(org: EmulatorOrg, call: Call, hook: StoredHook, action: string): Promise<Answer> {
  if (action === 'verify') {
    const failure = await org.verify(hook, call.token.id);
    if (failure !== null) {
      return validationFailed('eventHook', [
        `Unable to verify event hook. Hook ${hook.name} execution failed`,
      ]);
    }
  } else {
    const status = action === 'activate' ? 'ACTIVE' : 'INACTIVE';
    org.hooks.set(hook.id, { ...hook, status, lastUpdated: new Date(org.now()).toISOString() });
    org.recordLifecycle(`event_hook.${action}d`, hook, call.token.id);
  }
  return { status: 200, body: hookJson(org.hooks.get(hook.id) ?? hook, call.base) };
}

async function oneHook(org: EmulatorOrg, call: Call, id: string, action?: string): Promise<Answer> {
  const hook = org.hooks.get(id);
  if (call.method === 'GET' && action === undefined) {
    if (!canRead(call.token)) return accessDenied();
    return hook ? { status: 200, body: hookJson(hook, call.base) } : notFound(id, 'EventHook');
  }
  if (!canManage(call.token)) return accessDenied();
  if (!hook) return notFound(id, 'EventHook');
  if (action !== undefined)
    return call.method === 'POST' ? lifecycle(org, call, hook, action) : notFound(id, 'Resource');
  if (call.method === 'PUT') {
    const input = readHookInput(call.body);
    if ('status' in input) return input;
    const next = replaceHook(hook, input, org.now());
    org.hooks.set(id, next);
    org.recordLifecycle('event_hook.updated', next, call.token.id);
    return { status: 200, body: hookJson(next, call.base) };
  }
  if (call.method !== 'DELETE') return notFound(id, 'Resource');
  // Only INACTIVE hooks can be deleted (reference §5); the exact error is not documented.
  if (hook.status !== 'INACTIVE') {
    return validationFailed('eventHook', ['An ACTIVE event hook cannot be deleted: deactivate it first']);
  }
  org.hooks.delete(id);
  org.recordLifecycle('event_hook.deleted', hook, call.token.id);
  return { status: 204 };
}

function apiTokens(call: Call, tokens: EmulatorToken[]): Answer {
  if (call.method !== 'GET') return notFound(call.path, 'Resource');
  if (!canManage(call.token)) return accessDenied();
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
  if (call.method !== 'GET') return notFound(call.path, 'Resource');
  if (!canRead(call.token)) return accessDenied();
  const page = org.log.query(call.query, org.now());
  if ('status' in page) return page;
  const self = `${call.base}${call.path}?${call.query.toString()}`;
  const headers: HeaderList = [['Link', `<${self}>; rel="self"`]];
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
  return notFound(call.path, 'Resource');
}
