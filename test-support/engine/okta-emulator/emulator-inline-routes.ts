import { refuse } from './emulator-auth';
import { methodNotAllowed, notFound, oktaError, validationFailed } from './emulator-errors';
import { executeCall } from './emulator-inline-calls';
import {
  inlineHookJson,
  newInlineHook,
  readInlineInput,
  type StoredInlineHook,
} from './emulator-inline-hooks';
import type { EmulatorOrg } from './emulator-org';
import type { Answer, Call } from './emulator-routes';

const ONE = /^\/api\/v1\/inlineHooks\/([^/]+)(?:\/(lifecycle\/activate|lifecycle\/deactivate|execute))?$/;
/** Okta's scopes (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/InlineHook/). */
const READ = 'okta.inlineHooks.read';
const MANAGE = 'okta.inlineHooks.manage';
/** Inline hooks per org, all types together (https://developer.okta.com/docs/concepts/inline-hooks/). */
export const MAX_INLINE_HOOKS = 100;
const TELEPHONY = 'com.okta.telephony.provider';

/** At most one ACTIVE telephony hook per org. */
function telephonyTaken(org: EmulatorOrg, except: string | null): boolean {
  return [...org.inlineHooks.values()].some(
    (h) => h.type === TELEPHONY && h.status === 'ACTIVE' && h.id !== except,
  );
}

function collection(org: EmulatorOrg, call: Call): Answer {
  if (call.method === 'GET') {
    const type = call.query.get('type');
    const hooks = [...org.inlineHooks.values()].filter((h) => type === null || h.type === type);
    return refuse(call, READ) ?? { status: 200, body: hooks.map((h) => inlineHookJson(h, call.base)) };
  }
  if (call.method !== 'POST') return methodNotAllowed();
  const refused = refuse(call, MANAGE);
  if (refused) return refused;
  const input = readInlineInput(call.body, null);
  if ('status' in input) return input;
  if (org.inlineHooks.size >= MAX_INLINE_HOOKS)
    return validationFailed('inlineHook', [`An org can have at most ${MAX_INLINE_HOOKS} inline hooks`]);
  if (input.type === TELEPHONY && telephonyTaken(org, null))
    return validationFailed('inlineHook', ['An org can have only one active telephony inline hook']);
  const hook = newInlineHook(input, org.now());
  org.inlineHooks.set(hook.id, hook);
  return { status: 200, body: inlineHookJson(hook, call.base) };
}

function lifecycle(org: EmulatorOrg, call: Call, hook: StoredInlineHook, action: string): Answer {
  const status = action === 'lifecycle/activate' ? 'ACTIVE' : 'INACTIVE';
  if (status === 'ACTIVE' && hook.type === TELEPHONY && telephonyTaken(org, hook.id))
    return validationFailed('inlineHook', ['An org can have only one active telephony inline hook']);
  const next = { ...hook, status, lastUpdated: new Date(org.now()).toISOString() } as const;
  org.inlineHooks.set(hook.id, next);
  return { status: 200, body: inlineHookJson(next, call.base) };
}

async function execute(org: EmulatorOrg, call: Call, hook: StoredInlineHook): Promise<Answer> {
  if (hook.status !== 'ACTIVE')
    return validationFailed('inlineHook', ['The inline hook is INACTIVE: activate it before executing it']);
  const result = await executeCall(hook, org.trustedCa, call.body);
  org.executions.push({ hookId: hook.id, attempts: result.attempts, ok: result.ok });
  if (!result.ok)
    return oktaError(400, 'E0000001', 'Api validation failed: inlineHook', [
      `Hook execution failed: ${result.reason}`,
    ]);
  return result.body === null ? { status: 204 } : { status: 200, body: result.body };
}

async function one(org: EmulatorOrg, call: Call, id: string, action: string | undefined): Promise<Answer> {
  const allowed = action !== undefined ? ['POST'] : ['GET', 'PUT', 'POST', 'DELETE'];
  if (!allowed.includes(call.method)) return methodNotAllowed();
  const refused = refuse(call, call.method === 'GET' ? READ : MANAGE);
  if (refused) return refused;
  const hook = org.inlineHooks.get(id);
  if (!hook) return notFound(id, 'InlineHook');
  if (action === 'execute') return execute(org, call, hook);
  if (action !== undefined) return lifecycle(org, call, hook, action);
  if (call.method === 'GET') return { status: 200, body: inlineHookJson(hook, call.base) };
  if (call.method === 'DELETE') {
    // Only INACTIVE inline hooks can be deleted.
    if (hook.status !== 'INACTIVE')
      return validationFailed('inlineHook', ['An ACTIVE inline hook cannot be deleted: deactivate it first']);
    org.inlineHooks.delete(id);
    return { status: 204 };
  }
  const input = readInlineInput(call.body, hook);
  if ('status' in input) return input;
  const next = { ...hook, ...input, lastUpdated: new Date(org.now()).toISOString() };
  org.inlineHooks.set(id, next);
  return { status: 200, body: inlineHookJson(next, call.base) };
}

/** The Inline Hooks Management API, or null when the path is not one of its. */
export function inlineHookRoute(org: EmulatorOrg, call: Call): Promise<Answer> | Answer | null {
  if (call.path === '/api/v1/inlineHooks') return collection(org, call);
  const match = ONE.exec(call.path);
  return match ? one(org, call, decodeURIComponent(match[1] ?? ''), match[2]) : null;
}
