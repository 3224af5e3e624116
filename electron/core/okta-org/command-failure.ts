import type { ErrorCode } from '../../../shared/model/result';
import type { OktaProblem } from '../../../shared/model/okta';
import { CommandError } from '../rpc/command-error';

const CODES: Record<OktaProblem['kind'], ErrorCode> = {
  'invalid-domain': 'invalid-input',
  token: 'invalid-input',
  permission: 'forbidden',
  unreachable: 'unavailable',
  'rate-limited': 'unavailable',
  'not-found': 'not-found',
  rejected: 'invalid-input',
  'okta-error': 'unavailable',
};

/** An Okta failure as a command's expected failure, with Okta's explanation as the message. */
export const commandErrorOf = (problem: OktaProblem): CommandError =>
  new CommandError(CODES[problem.kind], problem.message);
