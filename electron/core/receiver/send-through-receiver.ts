import { CommandError } from '../rpc/command-error';
import {
  sendOutbound,
  type OutboundAnswer,
  type OutboundFailure,
  type OutboundRequest,
} from '../http/outbound-request';
import { TAG_HEADER, type OwnRequestTags, type TagInfo } from './own-request-tags';

/**
 * Send a request the engine makes (a sample, a replay) through its own receiver, so it is
 * checked, answered and recorded exactly like Okta's. The receiver answers only after storing,
 * so once the answer is in, the exchange id is known, or the request was not recorded.
 */
export async function sendThroughReceiver(
  tags: OwnRequestTags,
  info: TagInfo,
  request: OutboundRequest,
  now: () => number,
): Promise<{ exchangeId: string; answer: OutboundAnswer | OutboundFailure }> {
  const { token, stored } = tags.issue(info);
  const result = await sendOutbound({ ...request, headers: [...request.headers, [TAG_HEADER, token]] }, now);
  tags.withdraw(token);
  const exchangeId = await stored;
  if (!result.ok)
    throw new CommandError('unavailable', `The request did not reach the receiver: ${result.message}`);
  if (exchangeId === null) {
    throw new CommandError(
      'unavailable',
      `The receiver answered ${result.status} but could not record the request.`,
    );
  }
  return { exchangeId, answer: result };
}
