import { randomUUID } from 'node:crypto';
import type { Principal } from './emulator-auth';
import { deliveryCall, verificationCall, type DeliveryAttempt } from './emulator-calls';
import {
  deliveryFailureEvent,
  type EventTarget,
  lifecycleEvent,
  userEvent,
  verifiedEvent,
  type FailureShape,
} from './emulator-events';
import type { StoredHook } from './emulator-hooks';
import type { InlineAttempt } from './emulator-inline-calls';
import type { StoredInlineHook } from './emulator-inline-hooks';
import { newHook } from './emulator-hooks';
import { SystemLog, type LogEvent, type LogOptions } from './emulator-log';

export interface DeliveryOutcome {
  hookId: string;
  eventId: string;
  uuids: string[];
  attempts: DeliveryAttempt[];
  delivered: boolean;
}

export type HookSeed = Pick<StoredHook, 'name' | 'uri' | 'eventTypes'> &
  Partial<Pick<StoredHook, 'status' | 'verificationStatus' | 'auth' | 'headers' | 'description' | 'filter'>>;

export interface OrgOptions extends LogOptions {
  /** A CA the org trusts when it calls hooks (a test's throwaway certificate). */
  trust?: string | undefined;
  /** Where `event_hook.delivery` records name the hook. */
  failureShape?: FailureShape | undefined;
  /** Event hook filters (an EA feature) are on; true unless said otherwise. */
  filtersEnabled?: boolean | undefined;
}

/** At most this many hooks are ACTIVE and VERIFIED (https://developer.okta.com/docs/concepts/event-hooks/). */
export const MAX_LIVE_HOOKS = 25;

/**
 * The emulated org's state: its event hooks, its System Log, and the events waiting to be
 * delivered to each hook. The HTTP side (okta-emulator.ts) and the tests both act on it.
 */
export class EmulatorOrg {
  readonly hooks = new Map<string, StoredHook>();
  readonly inlineHooks = new Map<string, StoredInlineHook>();
  /** Every `/execute` of an inline hook, with each attempt Okta made. */
  readonly executions: { hookId: string; attempts: InlineAttempt[]; ok: boolean }[] = [];
  readonly log: SystemLog;
  /** The self-service EA feature "event hook filters" is on (an admin may turn it off). */
  filtersEnabled: boolean;
  private readonly pending = new Map<string, LogEvent[]>();

  constructor(
    readonly domain: string,
    readonly now: () => number,
    private readonly options: OrgOptions,
  ) {
    this.log = new SystemLog(options);
    this.filtersEnabled = options.filtersEnabled ?? true;
  }

  /** A hook that exists before the test starts (made by someone else). */
  addHook(seed: HookSeed): StoredHook {
    const hook: StoredHook = {
      ...newHook(
        { description: null, filter: null, headers: [], auth: null, ...seed },
        '00u0someone0else0000',
        this.now(),
      ),
      ...(seed.status ? { status: seed.status } : {}),
      ...(seed.verificationStatus ? { verificationStatus: seed.verificationStatus } : {}),
    };
    this.hooks.set(hook.id, hook);
    return hook;
  }

  /** The CA Okta's side trusts when it calls hooks. */
  get trustedCa(): string | undefined {
    return this.options.trust;
  }

  recordLifecycle(eventType: string, hook: StoredHook, by: Principal): void {
    this.log.append(lifecycleEvent(eventType, hook, by), this.now());
  }

  /** Whether one more hook may become ACTIVE and VERIFIED. */
  hasRoomForLiveHook(): boolean {
    const live = [...this.hooks.values()].filter(
      (hook) => hook.status === 'ACTIVE' && hook.verificationStatus === 'VERIFIED',
    );
    return live.length < MAX_LIVE_HOOKS;
  }

  /** Okta's verify operation: the real GET to the hook, then the System Log record. */
  async verify(hook: StoredHook, by: Principal): Promise<string | null> {
    const { ok, reason } = await verificationCall(hook, this.options.trust);
    this.log.append(verifiedEvent(hook, by, reason), this.now());
    if (ok) this.hooks.set(hook.id, { ...hook, verificationStatus: 'VERIFIED' });
    return ok ? null : reason;
  }

  /**
   * Something happens in the org: an event of `eventType`, naming every ACTIVE and VERIFIED
   * hook subscribed to it, queued for delivery unless `withhold` (Okta delayed or dropped it).
   */
  emit(eventType: string, options: { withhold?: boolean; targets?: EventTarget[] } = {}): LogEvent {
    const hooks = [...this.hooks.values()].filter(
      (hook) =>
        hook.status === 'ACTIVE' &&
        hook.verificationStatus === 'VERIFIED' &&
        hook.eventTypes.includes(eventType),
    );
    const event = this.log.append(
      userEvent(
        eventType,
        hooks.map((hook) => hook.id),
        options.targets,
      ),
      this.now(),
    );
    if (!options.withhold) {
      for (const hook of hooks) this.pending.set(hook.id, [...(this.pending.get(hook.id) ?? []), event]);
    }
    return event;
  }

  /** Deliver what is queued, one batch per hook; a final failure is logged (https://developer.okta.com/docs/concepts/event-hooks/#debugging). */
  async deliverPending(): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    for (const [hookId, events] of [...this.pending]) {
      this.pending.delete(hookId);
      const hook = this.hooks.get(hookId);
      if (!hook) continue;
      const envelope = this.envelope(hook, events);
      const attempts = await deliveryCall(hook, this.options.trust, envelope);
      const failure = attempts.at(-1)?.failure ?? null;
      if (failure !== null) {
        const record = deliveryFailureEvent(hook, failure, this.options.failureShape ?? 'target');
        this.log.append(record, this.now());
      }
      outcomes.push({
        hookId,
        eventId: envelope.eventId,
        uuids: events.map((event) => event.uuid),
        attempts,
        delivered: failure === null,
      });
    }
    return outcomes;
  }

  private envelope(hook: StoredHook, events: LogEvent[]) {
    return {
      eventType: 'com.okta.event_hook',
      eventTypeVersion: '1.0',
      cloudEventsVersion: '0.1',
      source: `https://${this.domain}/api/v1/eventHooks/${hook.id}`,
      eventId: randomUUID(),
      eventTime: new Date(this.now()).toISOString(),
      contentType: 'application/json',
      data: { events },
    };
  }
}
