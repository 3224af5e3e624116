import type { ExchangeSummary } from '../../../../shared/model/exchange';
import { nextMove, type NextMove } from '../../../../shared/okta/next-move';
import { verificationVerdict } from '../../../../shared/okta/verification-verdict';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/** What happens next, at a glance (list) and in one sentence (detail). */
export interface Outcome {
  tone: Tone;
  label: string;
  sentence: string;
}

const MOVES: Record<NextMove, { tone: Tone; label: string }> = {
  accepted: { tone: 'ok', label: 'accepted' },
  'will-retry': { tone: 'warn', label: 'will retry' },
  'timed-out': { tone: 'warn', label: 'timed out' },
  'will-not-retry': { tone: 'bad', label: 'lost' },
  lost: { tone: 'bad', label: 'lost' },
  none: { tone: 'neutral', label: '—' },
};

export function outcomeOf(summary: ExchangeSummary): Outcome {
  if (summary.kind === 'verification') {
    const verdict = verificationVerdict(summary.verificationProblem ?? null, summary.durationMs);
    return verdict.verified
      ? { tone: 'ok', label: 'verified', sentence: verdict.sentence }
      : { tone: 'bad', label: 'not verified', sentence: verdict.sentence };
  }
  const verdict = nextMove({
    kind: summary.kind,
    status: summary.status,
    durationMs: summary.durationMs,
    isRepeat: summary.repeat,
  });
  return { ...MOVES[verdict.move], sentence: verdict.sentence };
}
