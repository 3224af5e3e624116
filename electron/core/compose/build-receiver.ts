import type { SightingsTracker } from '../../../shared/okta/sightings';
import type { Clock, Logger } from '../deps';
import { withBodyBudget } from '../receiver/admission';
import { createRequestHandler } from '../receiver/handle-request';
import type { LoopbackTags } from '../receiver/loopback-tags';
import { Receiver } from '../receiver/receiver';
import { RECEIVER_LIMITS, type ReceiverLimits } from '../receiver/receiver-limits';
import type { SettingsStore } from '../settings/settings-store';
import type { ExchangeStore } from '../store/exchange-store';
import { ProbeResponder } from '../tunnel/probe';
import type { StorageHealth } from './storage-health';

export interface ReceiverWiring {
  settings: SettingsStore;
  store: ExchangeStore;
  tracker: SightingsTracker;
  tags: LoopbackTags;
  newId: () => string;
  clock: Clock;
  logger: Logger;
  health: StorageHealth;
  limits?: Partial<ReceiverLimits> | undefined;
  onChange: () => void;
}

/**
 * The receiver and what sits in front of its pipeline: tunnel probes are answered first (no
 * body, never recorded), then the memory budget for bodies, then the pipeline.
 */
export function buildReceiver(wiring: ReceiverWiring): { receiver: Receiver; probes: ProbeResponder } {
  const limits = { ...RECEIVER_LIMITS, ...wiring.limits };
  const pipeline = createRequestHandler({
    settings: wiring.settings,
    store: wiring.store,
    tracker: wiring.tracker,
    tags: wiring.tags,
    newId: wiring.newId,
    clock: wiring.clock,
    logger: wiring.logger,
    onStorageHealth: (error) => wiring.health.report(error),
  });
  const probes = new ProbeResponder();
  const budgeted = withBodyBudget(pipeline, {
    budget: () => limits.bodyBudgetBytes,
    bodyLimit: () => wiring.settings.current().bodyLimitBytes,
    logger: wiring.logger,
  });
  const receiver = new Receiver(probes.wrap(budgeted), wiring.logger, wiring.onChange, limits);
  return { receiver, probes };
}
