import type { HookRun } from '../../../shared/model/okta';
import {
  eventHookBody,
  hookDelivers,
  hookState,
  type DecodedHook,
  type HookConfig,
} from '../../../shared/okta/event-hook';
import type { Clock } from '../deps';
import type { CaptureIndex } from './capture-index';
import { hookPath, type OktaApi } from './okta-api';
import { RunRecorder } from './run-recorder';

export interface RunDeps {
  api: OktaApi;
  clock: Clock;
  newId: () => string;
  captures: CaptureIndex;
  onProgress: (run: HookRun) => void;
}

/** How Okta must call the receiver: the public hook URL, the secret and the custom headers. */
export type Channel = Pick<HookConfig, 'uri' | 'auth' | 'headers'>;

export interface PointRequest {
  action: 'point' | 'retarget' | 'filter';
  /** An existing hook to update, or null to create one. */
  hookId: string | null;
  /** For a new hook. */
  name: string;
  /** Null keeps the hook's own event types. */
  eventTypes: string[] | null;
  channel: Channel;
  /** A new `events.filter` (null clears it); left out, the hook's own is kept. */
  filter?: Record<string, unknown> | null;
}

export interface RunResult {
  run: HookRun;
  /** The hook as Okta last described it; null if it was never read or made. */
  hook: DecodedHook | null;
}

const DESCRIPTION = 'Made by Okta Hook Inspector: delivers to its public URL for local development.';

const verifyRequest = (id: string) => `POST ${hookPath(id)}/lifecycle/verify`;

/** Verify, then activate (only ACTIVE and VERIFIED hooks receive events: https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/verifyEventHook). */
async function verifyAndActivate(
  deps: RunDeps,
  recorder: RunRecorder,
  saved: DecodedHook,
): Promise<RunResult> {
  if (recorder.run.action === 'filter' && hookDelivers(saved)) {
    recorder.skip('verify', verifyRequest(saved.id), 'Already VERIFIED: the channel did not change.');
    return { run: recorder.finish('ok', saved.id), hook: saved };
  }
  const from = deps.clock.now();
  const verified = await recorder.step(
    'verify',
    verifyRequest(saved.id),
    () => deps.api.lifecycle(saved.id, 'verify'),
    (hook) => `${hook.verificationStatus}: the receiver answered Okta's challenge.`,
  );
  const [exchangeId] = await deps.captures.verificationsBetween(from, deps.clock.now());
  if (exchangeId !== undefined) recorder.annotate({ exchangeId });
  if (!verified.ok) {
    if (exchangeId === undefined) {
      const answer = recorder.run.steps.at(-1)?.answer ?? '';
      recorder.annotate({
        answer: `${answer} No challenge reached the receiver: is the tunnel running, and is the public URL right?`,
      });
    }
    return { run: recorder.finish('failed', saved.id), hook: saved };
  }
  const hook = verified.value;
  if (hook.status === 'ACTIVE') {
    recorder.skip('activate', `POST ${hookPath(hook.id)}/lifecycle/activate`, 'Already ACTIVE.');
    return { run: recorder.finish('ok', hook.id), hook };
  }
  const activated = await recorder.step(
    'activate',
    `POST ${hookPath(hook.id)}/lifecycle/activate`,
    () => deps.api.lifecycle(hook.id, 'activate'),
    hookState,
  );
  return activated.ok
    ? { run: recorder.finish('ok', hook.id), hook: activated.value }
    : { run: recorder.finish('failed', hook.id), hook };
}

/**
 * "Point a hook here" (or set its event filter): create a hook (or update the chosen one) to call the public hook URL
 * with the receiver's secret and custom headers, verify it (the receiver answers the
 * challenge) and activate it, recording every call and Okta's answer.
 */
export async function pointHook(deps: RunDeps, request: PointRequest): Promise<RunResult> {
  const recorder = new RunRecorder(deps.clock, deps.onProgress, {
    id: deps.newId(),
    action: request.action,
    hookId: request.hookId,
    hookName: request.name,
    url: request.channel.uri,
  });
  let existing: DecodedHook | null = null;
  if (request.hookId !== null) {
    const id = request.hookId;
    const read = await recorder.step('read', `GET ${hookPath(id)}`, () => deps.api.getHook(id), hookState);
    if (!read.ok) return { run: recorder.finish('failed'), hook: null };
    existing = read.value;
    recorder.run = { ...recorder.run, hookName: existing.name };
  }
  const body = eventHookBody({
    name: existing?.name ?? request.name,
    description: existing ? existing.description : DESCRIPTION,
    eventTypes: request.eventTypes ?? existing?.eventTypes ?? [],
    filter: request.filter === undefined ? existing?.filter : request.filter,
    ...request.channel,
  });
  const saved = existing
    ? await recorder.step(
        'update',
        `PUT ${hookPath(existing.id)}`,
        () => deps.api.replaceHook(existing.id, body),
        hookState,
      )
    : await recorder.step(
        'create',
        'POST /api/v1/eventHooks',
        () => deps.api.createHook(body),
        (hook) => `Created ${hook.id}: ${hookState(hook)}.`,
      );
  if (!saved.ok) return { run: recorder.finish('failed'), hook: existing };
  return verifyAndActivate(deps, recorder, saved.value);
}

/** Deactivate a hook, and delete it if asked: Okta deletes INACTIVE hooks only (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/deleteEventHook). */
export async function retireHook(deps: RunDeps, hook: DecodedHook, remove: boolean): Promise<RunResult> {
  const recorder = new RunRecorder(deps.clock, deps.onProgress, {
    id: deps.newId(),
    action: remove ? 'delete' : 'deactivate',
    hookId: hook.id,
    hookName: hook.name,
    url: null,
  });
  const deactivateRequest = `POST ${hookPath(hook.id)}/lifecycle/deactivate`;
  let current = hook;
  if (hook.status === 'INACTIVE') recorder.skip('deactivate', deactivateRequest, 'Already INACTIVE.');
  else {
    const done = await recorder.step(
      'deactivate',
      deactivateRequest,
      () => deps.api.lifecycle(hook.id, 'deactivate'),
      hookState,
    );
    if (!done.ok) return { run: recorder.finish('failed'), hook };
    current = done.value;
  }
  if (!remove) return { run: recorder.finish('ok'), hook: current };
  const deleted = await recorder.step(
    'delete',
    `DELETE ${hookPath(hook.id)}`,
    () => deps.api.deleteHook(hook.id),
    () => 'Deleted.',
  );
  return { run: recorder.finish(deleted.ok ? 'ok' : 'failed'), hook: deleted.ok ? null : current };
}
