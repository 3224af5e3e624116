import { withBodyBudget } from '../receiver/admission';
import { createRequestHandler, type PipelineDeps } from '../receiver/handle-request';
import { Receiver } from '../receiver/receiver';
import { RECEIVER_LIMITS, type ReceiverLimits } from '../receiver/receiver-limits';
import { ProbeResponder } from '../tunnel/probe';
import type { StorageHealth } from './storage-health';

export interface ReceiverWiring extends Omit<PipelineDeps, 'onStorageHealth'> {
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
    ...wiring,
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
