import type { ExchangeKind } from '../model/exchange';
import { OKTA_TIMEOUT_MS } from './headers';

/** What Okta does after this answer to a delivery (https://developer.okta.com/docs/concepts/event-hooks/#timeout-and-retry). */
export type NextMove = 'accepted' | 'will-retry' | 'will-not-retry' | 'timed-out' | 'lost' | 'none';

export interface NextMoveInput {
  kind: ExchangeKind;
  status: number;
  durationMs: number;
  /** The delivery's eventId was seen before: this is most likely Okta's one retry. */
  isRepeat: boolean;
}

export interface NextMoveVerdict {
  move: NextMove;
  sentence: string;
  /** Share of Okta's 3-second budget this answer used on our side (the tunnel adds more). */
  budgetShare: number;
}

const verdict = (move: NextMove, sentence: string, durationMs: number): NextMoveVerdict => ({
  move,
  sentence,
  budgetShare: durationMs / OKTA_TIMEOUT_MS,
});

/** Okta retries a failed delivery at most once; after a failed retry the events are lost. */
function retryOrLoss(input: NextMoveInput, cause: string): NextMoveVerdict {
  if (input.isRepeat) {
    return verdict(
      'lost',
      `${cause}. This looks like Okta's retry, so it will not try again: the events are lost.`,
      input.durationMs,
    );
  }
  return verdict('will-retry', `${cause}. Okta will retry once.`, input.durationMs);
}

/** Okta's next move for an exchange, in one sentence. */
export function nextMove(input: NextMoveInput): NextMoveVerdict {
  const { status, durationMs } = input;
  if (input.kind === 'inline')
    return verdict(
      'none',
      'An inline hook call: what Okta does with the answer is under Inline call.',
      durationMs,
    );
  if (input.kind !== 'delivery') return verdict('none', 'Not a delivery.', durationMs);
  if (status === 0) return retryOrLoss(input, 'No answer was sent, so Okta times out');
  if (durationMs > OKTA_TIMEOUT_MS) {
    const seconds = (durationMs / 1000).toFixed(1);
    const timedOut = retryOrLoss(
      input,
      `Answered after ${seconds} s, past Okta's 3-second limit: Okta has timed out`,
    );
    return { ...timedOut, move: input.isRepeat ? 'lost' : 'timed-out' };
  }
  if (status >= 200 && status < 300)
    return verdict('accepted', 'Okta counts the delivery as done.', durationMs);
  if (status >= 500) return retryOrLoss(input, `A ${status} is a server error`);
  if (status >= 400) {
    return verdict(
      'will-not-retry',
      `Okta never retries a ${status}: the events in this delivery are lost.`,
      durationMs,
    );
  }
  return verdict(
    'will-not-retry',
    `Okta does not follow a ${status} redirect and treats it as a failure; expect the events to be lost.`,
    durationMs,
  );
}
