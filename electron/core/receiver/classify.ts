import type { HeaderList, Problem } from '../../../shared/model/exchange';
import type { InlineHookKind } from '../../../shared/model/inline';
import { VERIFICATION_CHALLENGE_HEADER } from '../../../shared/okta/headers';

export type Route =
  | { kind: 'verification'; challenge: string }
  | { kind: 'delivery' }
  | { kind: 'inline'; hook: InlineHookKind }
  | { kind: 'other'; status: 404 | 405; problem: Problem };

export const firstHeader = (headers: HeaderList, name: string): string | undefined =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];

/**
 * Okta calls one URL: GET once with a challenge to verify it, POST for every delivery
 * (https://developer.okta.com/docs/concepts/event-hooks/#requests-sent-by-okta). Anything else is recorded and refused.
 */
export function classify(method: string, path: string, headers: HeaderList, hookPath: string): Route {
  if (path !== hookPath) {
    return {
      kind: 'other',
      status: 404,
      problem: {
        code: 'wrong-path',
        message: `Nothing listens on ${path}; the event hook path is ${hookPath}.`,
      },
    };
  }
  const challenge = firstHeader(headers, VERIFICATION_CHALLENGE_HEADER);
  if (method === 'GET' && challenge !== undefined) return { kind: 'verification', challenge };
  if (method === 'POST') return { kind: 'delivery' };
  const problem: Problem =
    method === 'GET'
      ? {
          code: 'no-challenge',
          message:
            'A GET without the X-Okta-Verification-Challenge header: Okta only sends GET to verify the hook, with that header.',
        }
      : { code: 'method', message: `Okta never sends ${method}: deliveries are POST, verification is GET.` };
  return { kind: 'other', status: 405, problem };
}
