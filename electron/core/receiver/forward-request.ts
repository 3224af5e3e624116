import type { ForwardRecord, HeaderList } from '../../../shared/model/exchange';
import type { ForwardSettings } from '../../../shared/model/settings';
import { verificationProblem } from '../../../shared/okta/verification-verdict';
import { endToEndHeaders, headersForTarget, targetLocation } from '../http/hop-by-hop';
import { sendOutbound, type OutboundAnswer } from '../http/outbound-request';
import { toBodyData } from './body-data';
import { firstHeader } from './classify';
import type { Described } from './describe-request';
import { VERIFICATION_CHALLENGE_HEADER } from '../../../shared/okta/headers';

/** The handler's answer is recorded whole up to this size. */
const ANSWER_LIMIT = 10 * 1024 * 1024;

/** Requests on the hook path go to the handler; the challenge only when the user chose so. */
export function shouldForward(
  described: Described,
  forward: ForwardSettings,
  truncated: boolean,
): forward is ForwardSettings & { target: string } {
  if (forward.target === null || truncated) return false;
  const { kind } = described.exchange;
  return kind === 'delivery' || (kind === 'verification' && forward.verification === 'forward');
}

const relayHeaders = (headers: HeaderList, length: number): HeaderList => [
  ...endToEndHeaders(headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
  ...(length > 0 ? ([['Content-Length', String(length)]] as HeaderList) : []),
];

function relayed(answer: OutboundAnswer): Described['answer'] {
  if (answer.truncated) {
    const body = Buffer.from(
      `Your handler's answer is larger than ${ANSWER_LIMIT} bytes; the inspector did not relay it.\n`,
    );
    return {
      status: 502,
      headers: relayHeaders([['Content-Type', 'text/plain; charset=utf-8']], body.length),
      body,
      delayMs: 0,
    };
  }
  return {
    status: answer.status,
    headers: relayHeaders(answer.headers, answer.body.length),
    body: answer.body,
    delayMs: 0,
  };
}

/**
 * The caller may be anyone who found the public URL: it learns that the handler gave no answer,
 * not where the handler is or what Node said about it. The record keeps both for the user.
 */
function unreachable(): Described['answer'] {
  const body = Buffer.from('The inspector could not get an answer from the event hook handler.\n');
  return {
    status: 502,
    headers: relayHeaders([['Content-Type', 'text/plain; charset=utf-8']], body.length),
    body,
    delayMs: 0,
  };
}

/**
 * Pass the request on to the user's handler, byte for byte (minus hop-by-hop headers), and
 * make its answer the one Okta gets; a handler that cannot be reached gives a plain 502 (the
 * cause is in the record).
 */
export async function forwardRequest(
  described: Described,
  body: Buffer,
  forward: ForwardSettings & { target: string },
  now: () => number,
): Promise<Described> {
  const { request } = described.exchange;
  const { url, path } = targetLocation(forward.target, request.query);
  const headers = headersForTarget(request.headers, url, body.length);
  const result = await sendOutbound(
    {
      url,
      path,
      method: request.method,
      headers,
      body,
      timeoutMs: forward.timeoutMs,
      bodyLimit: ANSWER_LIMIT,
    },
    now,
  );
  const record: ForwardRecord = { url: `${url.origin}${path}`, headers };
  const answer = result.ok ? relayed(result) : unreachable();
  if (result.ok)
    record.response = {
      status: result.status,
      headers: result.headers,
      body: toBodyData(result.body, result.size, result.truncated),
    };
  else record.error = { cause: result.cause, message: result.message };
  const exchange = {
    ...described.exchange,
    response: { status: answer.status, headers: answer.headers, body: toBodyData(answer.body) },
    timing: { ...described.exchange.timing, targetMs: result.ms },
    forward: record,
  };
  if (exchange.kind === 'verification') {
    // The handler owns the secret check now; its status says what it decided.
    exchange.verificationProblem = verificationProblem({
      challenge: firstHeader(request.headers, VERIFICATION_CHALLENGE_HEADER) ?? '',
      status: answer.status,
      bodyText: exchange.response.body.text,
      auth: 'ok',
    });
  }
  return { ...described, exchange, answer };
}
