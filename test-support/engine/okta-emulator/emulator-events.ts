import type { Principal as Caller } from './emulator-auth';
import type { LogEvent } from './emulator-log';
import { oktaId } from './emulator-errors';
import type { StoredHook } from './emulator-hooks';

/** Who acts: the admin behind an API token, or an end user signing in. */
export interface Principal {
  id: string;
  alternateId: string;
  displayName: string;
}

export const ADMIN: Principal = {
  id: '00u1admin0emulator01',
  alternateId: 'admin@example.com',
  displayName: 'Ada Admin',
};

const END_USER: Principal = {
  id: '00u8k2m4q7ZtRw3Xy5d7',
  alternateId: 'maria.lopez@example.com',
  displayName: 'Maria Lopez',
};

type NewLogEvent = Omit<LogEvent, 'uuid' | 'published'>;

/** Where a delivery failure record names its hook: Okta does not document it (see below). */
export type FailureShape = 'target' | 'renamed-target' | 'debug-data';

const actor = (who: Principal, type = 'User') => ({ ...who, type, detailEntry: null });

const hookTarget = (hook: StoredHook) => [
  { id: hook.id, type: 'EventHook', alternateId: hook.name, displayName: hook.name, detailEntry: null },
];

/** The parts every LogEvent has (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/#tag/SystemLog/operation/listLogEvents), with documentation-range addresses only. */
function base(
  eventType: string,
  who: ReturnType<typeof actor>,
  detail: Record<string, unknown>,
): NewLogEvent {
  const transaction = oktaId('', 27);
  return {
    eventType,
    version: '0',
    severity: 'INFO',
    legacyEventType: null,
    actor: who,
    client: {
      userAgent: { rawUserAgent: 'okta-hook-inspector', os: 'Unknown', browser: 'UNKNOWN' },
      zone: 'null',
      device: 'Unknown',
      id: null,
      ipAddress: '192.0.2.10',
      geographicalContext: null,
    },
    device: null,
    authenticationContext: { authenticationStep: 0, externalSessionId: 'unknown' },
    securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
    outcome: { result: 'SUCCESS', reason: null },
    target: [],
    transaction: { type: 'WEB', id: transaction, detail },
    debugContext: { debugData: { requestId: transaction, requestUri: '/api/v1/eventHooks' } },
    request: { ipChain: [] },
    displayMessage: eventType,
  };
}

/** The admin behind an API token (named by `requestApiTokenId`), or a service app as itself. */
const madeBy = (by: Caller) =>
  by.apiTokenId !== null
    ? base('', actor(ADMIN), { requestApiTokenId: by.apiTokenId })
    : base(
        '',
        actor(
          { id: by.clientId ?? '', alternateId: by.clientId ?? '', displayName: 'Service app' },
          'PublicClientApp',
        ),
        {},
      );

/** `event_hook.created` and friends (https://developer.okta.com/docs/reference/api/event-types/?q=event_hook). */
export function lifecycleEvent(eventType: string, hook: StoredHook, by: Caller): NewLogEvent {
  return {
    ...madeBy(by),
    eventType,
    displayMessage: `Event hook ${eventType.split('.').pop() ?? ''}`,
    target: hookTarget(hook),
  };
}

/** `event_hook.verified`: written for every attempt, successful or not (https://developer.okta.com/docs/reference/api/event-types/?q=event_hook.verified). */
export function verifiedEvent(hook: StoredHook, by: Caller, failure: string | null): NewLogEvent {
  return {
    ...lifecycleEvent('event_hook.verified', hook, by),
    displayMessage: 'Event hook verified',
    severity: failure === null ? 'INFO' : 'WARN',
    outcome: { result: failure === null ? 'SUCCESS' : 'FAILURE', reason: failure },
  };
}

/**
 * `event_hook.delivery`, written only when a delivery fails (https://developer.okta.com/docs/concepts/event-hooks/#debugging). Okta does not
 * document its shape: a FAILURE outcome with a reason, nothing naming the events, and the hook
 * as an `EventHook` target by default, or under another target type, or in debugData only.
 */
export function deliveryFailureEvent(hook: StoredHook, reason: string, shape: FailureShape): NewLogEvent {
  const system = { id: '0oa0system0000000000', alternateId: 'system', displayName: 'Okta System' };
  const event = base('event_hook.delivery', actor(system, 'SystemPrincipal'), {});
  const [target] = hookTarget(hook);
  return {
    ...event,
    displayMessage: 'Event hook delivery failed',
    severity: 'WARN',
    outcome: { result: 'FAILURE', reason },
    target: shape === 'debug-data' ? [] : [{ ...target, type: shape === 'target' ? 'EventHook' : 'Webhook' }],
    ...(shape === 'debug-data' ? { debugContext: { debugData: { eventHookId: hook.id } } } : {}),
  };
}

/** Something an event is about, beside the user (a group, an app). */
export interface EventTarget {
  id: string;
  type: string;
  alternateId: string;
  displayName: string;
}

/** An end-user event of an eligible type, naming the hooks meant to receive it (https://developer.okta.com/docs/concepts/event-hooks/#debugging). */
export function userEvent(eventType: string, hookIds: string[], targets: EventTarget[] = []): NewLogEvent {
  const event = base(eventType, actor(END_USER), {});
  const debugData: Record<string, string> = { requestId: oktaId('', 27), requestUri: '/idp/idx/identify' };
  if (hookIds.length > 0) debugData.targetEventHookIds = hookIds.join(',');
  return {
    ...event,
    displayMessage: eventType.replace(/[._]/g, ' '),
    target: [
      { id: END_USER.id, type: 'User', alternateId: END_USER.alternateId, displayName: END_USER.displayName },
      ...targets,
    ],
    debugContext: { debugData },
  };
}
