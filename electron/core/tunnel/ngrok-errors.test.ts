import { describe, expect, it } from 'vitest';
import { classifyNgrokError, noAuthtoken } from './ngrok-errors';

const sdkError = (message: string) => Object.assign(new Error(message), { code: 'GenericFailure' });

describe('classifyNgrokError', () => {
  it.each([
    [
      'failed to connect session: The authtoken you specified is properly formed, but it is invalid.\n\nERR_NGROK_107',
      'token-rejected',
      false,
      /ngrok rejected the authtoken \(ERR_NGROK_107\): copy the current one from https:\/\/dashboard\.ngrok\.com\/get-started\/your-authtoken/,
    ],
    [
      'failed to connect session: Your account is limited to 1 simultaneous ngrok agent sessions.\n\nERR_NGROK_108',
      'session-limit',
      true,
      /limit of agent sessions is reached \(ERR_NGROK_108\): stop the other ngrok agent/,
    ],
    [
      'failed to start listener: This domain is reserved for another account.\n\nERR_NGROK_320',
      'domain-not-allowed',
      false,
      /does not allow the domain me\.ngrok-free\.app for this authtoken \(ERR_NGROK_320\)/,
    ],
    [
      'failed to start listener: The endpoint https://me.ngrok-free.app is already online.\n\nERR_NGROK_334',
      'domain-in-use',
      true,
      /me\.ngrok-free\.app is already online in another ngrok session \(ERR_NGROK_334\)/,
    ],
    [
      'failed to connect session: failed to establish tcp connection',
      'network',
      true,
      /^Cannot reach ngrok \(failed to establish tcp connection\): check the internet connection/,
    ],
    [
      'failed to connect session: tls handshake error',
      'network',
      true,
      /^Cannot reach ngrok \(tls handshake error\)/,
    ],
    [
      'failed to start listener: Something new happened. More text.\n\nERR_NGROK_9999',
      'failed',
      false,
      /ngrok refused the tunnel \(ERR_NGROK_9999: Something new happened\): see https:\/\/ngrok\.com\/docs\/errors\/err_ngrok_9999/,
    ],
    ['something odd', 'failed', true, /^ngrok failed: something odd\.$/],
  ])('%s', (message, code, retryable, sentence) => {
    const failure = classifyNgrokError(sdkError(message), 'me.ngrok-free.app', 'secret-token');
    expect(failure).toMatchObject({ code, retryable });
    expect(failure.message).toMatch(sentence);
  });

  it('never repeats the authtoken that ngrok quotes back', () => {
    const failure = classifyNgrokError(
      sdkError('failed: Your authtoken 2abcSECRET looks odd.\n\nERR_NGROK_9998'),
      null,
      '2abcSECRET',
    );
    expect(failure.message).not.toContain('2abcSECRET');
  });

  it('says where to get a token when there is none', () => {
    expect(noAuthtoken()).toMatchObject({
      code: 'no-authtoken',
      retryable: false,
      message: expect.stringContaining('https://dashboard.ngrok.com/get-started/your-authtoken'),
    });
  });
});
