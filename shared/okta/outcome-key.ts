import type { ExchangeSummary } from '../model/exchange';
import { OKTA_TIMEOUT_MS } from './headers';
import { nextMove } from './next-move';
import { verificationVerdict } from './verification-verdict';

/**
 * What the list's "Okta next" column says about an exchange, as a stable key: the search
 * syntax (`next:`) and the column use the same words, so a filter finds what the column shows.
 */
export const OUTCOME_KEYS = [
  'accepted',
  'will-retry',
  'timed-out',
  'lost',
  'verified',
  'not-verified',
] as const;

export type OutcomeKey = (typeof OUTCOME_KEYS)[number] | 'none';

type OutcomeFacts = Pick<
  ExchangeSummary,
  'kind' | 'status' | 'durationMs' | 'repeat' | 'verificationProblem'
>;

export function outcomeKey(summary: OutcomeFacts): OutcomeKey {
  if (summary.kind === 'verification') {
    const verdict = verificationVerdict(summary.verificationProblem ?? null, summary.durationMs);
    return verdict.verified ? 'verified' : 'not-verified';
  }
  const { move } = nextMove({
    kind: summary.kind,
    status: summary.status,
    durationMs: summary.durationMs,
    isRepeat: summary.repeat,
  });
  // A 4xx is never retried and a failed retry is not retried again: both lose the events.
  return move === 'will-not-retry' ? 'lost' : move;
}

/** How a delivery ended, for the timeline's colours (https://developer.okta.com/docs/concepts/event-hooks/#timeout-and-retry). */
export type DeliveryResult = 'accepted' | 'rejected' | 'failed' | 'timed-out' | 'other';

/** An inline call: accepted when Okta uses the answer (or its error or default), failed when it cannot. */
function inlineResult(summary: Pick<ExchangeSummary, 'durationMs' | 'inline'>): DeliveryResult {
  if (summary.durationMs > OKTA_TIMEOUT_MS) return 'timed-out';
  if (summary.inline === undefined) return 'other';
  return summary.inline.outcome === 'failed' ? 'failed' : 'accepted';
}

export function deliveryResult(
  summary: Pick<ExchangeSummary, 'kind' | 'status' | 'durationMs' | 'inline'>,
): DeliveryResult {
  if (summary.kind === 'inline') return inlineResult(summary);
  if (summary.kind !== 'delivery') return 'other';
  // Past the budget Okta has given up, whatever was answered afterwards.
  if (summary.durationMs > OKTA_TIMEOUT_MS) return 'timed-out';
  if (summary.status >= 200 && summary.status < 300) return 'accepted';
  if (summary.status === 0 || summary.status >= 500) return 'failed';
  return 'rejected';
}
