import { BodyBudget } from '../receiver/admission';
import { createRequestHandler, type PipelineDeps } from '../receiver/handle-request';
import { Receiver } from '../receiver/receiver';
import { RECEIVER_LIMITS, type ReceiverLimits } from '../receiver/receiver-limits';
import { ProbeResponder } from '../tunnel/probe';
import type { StorageHealth } from './storage-health';

export interface ReceiverWiring extends Omit<PipelineDeps, 'onStorageHealth' | 'budget'> {
  health: StorageHealth;
  limits?: Partial<ReceiverLimits> | undefined;
  onChange: () => void;
}

/**
 * The receiver and what sits in front of its pipeline: tunnel probes are answered first (no
 * body, never recorded), then the pipeline, which reads bodies within the memory budget.
 */
export function buildReceiver(wiring: ReceiverWiring): { receiver: Receiver; probes: ProbeResponder } {
  const limits = { ...RECEIVER_LIMITS, ...wiring.limits };
  // Never less than one body at the limit, or a single large delivery could never be taken.
  const budget = new BodyBudget(() =>
    Math.max(limits.bodyBudgetBytes, wiring.settings.current().bodyLimitBytes),
  );
  const pipeline = createRequestHandler({
    ...wiring,
    budget,
    onStorageHealth: (error) => wiring.health.report(error),
  });
  const probes = new ProbeResponder();
  const receiver = new Receiver(probes.wrap(pipeline), wiring.logger, wiring.onChange, limits);
  return { receiver, probes };
}
