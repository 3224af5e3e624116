import type { InlinePreview } from '../../../shared/model/okta-inline';
import { CommandError } from '../rpc/command-error';
import type { OktaResult } from './okta-client';

/** The value of a successful call, or the problem Okta reported as a command error. */
export function okOrThrow<T>(result: OktaResult<T>): T {
  if (result.ok) return result.value;
  const causes = result.error?.causes.length ? ` (${result.error.causes.join('; ')})` : '';
  throw new CommandError('unavailable', `${result.problem.message}${causes}`);
}

/** What Okta's `/execute` said: the hook's answer as Okta accepted it, or why it did not. */
export function previewVerdict(result: OktaResult<unknown>): InlinePreview['okta'] {
  if (result.ok) {
    if (result.status === 204 || result.value === null)
      return {
        status: result.status,
        summary: 'Okta accepted the answer: no change (empty answer).',
        body: null,
        causes: [],
      };
    return {
      status: result.status,
      summary: "Okta accepted the hook's answer.",
      body: JSON.stringify(result.value, null, 2),
      causes: [],
    };
  }
  const summary = result.error?.errorSummary ?? result.problem.message;
  return {
    status: result.status,
    summary: `Okta refused: ${summary}`,
    body: null,
    causes: result.error?.causes ?? [],
  };
}
