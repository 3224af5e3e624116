import type { ExchangeSummary } from '../../../../shared/model/exchange';
import { nextMove } from '../../../../shared/okta/next-move';
import { outcomeKey, type OutcomeKey } from '../../../../shared/okta/outcome-key';
import { verificationVerdict } from '../../../../shared/okta/verification-verdict';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/** What happens next, at a glance (list) and in one sentence (detail). */
export interface Outcome {
  tone: Tone;
  /** The search syntax's word for it (`next:`), so a filter finds what the list shows. */
  key: OutcomeKey;
  label: string;
  sentence: string;
}

const LOOKS: Record<OutcomeKey, { tone: Tone; label: string }> = {
  accepted: { tone: 'ok', label: 'accepted' },
  'will-retry': { tone: 'warn', label: 'will retry' },
  'timed-out': { tone: 'warn', label: 'timed out' },
  lost: { tone: 'bad', label: 'lost' },
  verified: { tone: 'ok', label: 'verified' },
  'not-verified': { tone: 'bad', label: 'not verified' },
  none: { tone: 'neutral', label: '—' },
};

export function outcomeOf(summary: ExchangeSummary): Outcome {
  const key = outcomeKey(summary);
  const sentence =
    summary.kind === 'verification'
      ? verificationVerdict(summary.verificationProblem ?? null, summary.durationMs).sentence
      : nextMove({
          kind: summary.kind,
          status: summary.status,
          durationMs: summary.durationMs,
          isRepeat: summary.repeat,
        }).sentence;
  return { ...LOOKS[key], key, sentence };
}
