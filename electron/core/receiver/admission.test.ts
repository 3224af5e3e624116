import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/core-fixture';
import { CORPUS_SECRET, expectHealthy } from '../testing/hostile-corpus';
import { send } from '../testing/http-client';
import { collect, head, openRaw, rawRequest } from '../testing/raw-socket';

const LIMIT = 4096;

let t: TestCore | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const post = (port: number, framing: [string, string]) =>
  head('POST /okta/event-hook HTTP/1.1', [
    ['Host', `127.0.0.1:${port}`],
    ['Authorization', CORPUS_SECRET],
    ['Content-Type', 'application/json'],
    framing,
  ]);

describe('body budget under a flood of large bodies', () => {
  it('answers bodies 503 with Retry-After while the budget is taken, unrecorded, then serves again', async () => {
    t = await startTestCore({
      overrides: { secret: CORPUS_SECRET },
      receiverLimits: { bodyBudgetBytes: 10_000 },
    });
    await t.call('settings.update', { bodyLimitBytes: LIMIT });
    const port = Number(new URL(t.hookUrl).port);
    // Two uploads that take their time hold 2 x 4096 bytes of the 10,000-byte budget.
    const slow = await Promise.all([openRaw(port), openRaw(port)]);
    const answers = slow.map((socket) => collect(socket, { responses: 1 }));
    for (const socket of slow) socket.write(post(port, ['Content-Length', String(LIMIT)]) + 'x'.repeat(100));

    const refused = await Promise.all([
      rawRequest(port, [post(port, ['Content-Length', '3000']) + '{}'.padEnd(3000)], { responses: 1 }),
      rawRequest(port, [post(port, ['Transfer-Encoding', 'chunked']) + '2\r\n{}\r\n0\r\n\r\n'], {
        responses: 1,
      }),
    ]);
    for (const outcome of refused) {
      expect(outcome.responses[0]).toMatchObject({ status: 503, headers: { 'retry-after': '1' } });
    }
    expect(t.core.status().storage.count).toBe(0);
    // A request without a body reserves nothing: verification still works meanwhile.
    const verification = await send(t.hookUrl, {
      headers: [
        ['X-Okta-Verification-Challenge', 'still-here'],
        ['Authorization', CORPUS_SECRET],
      ],
    });
    expect(verification.status).toBe(200);

    for (const socket of slow) socket.write('x'.repeat(LIMIT - 100));
    expect((await Promise.all(answers)).map((a) => a.responses[0]?.status)).toEqual([204, 204]);
    await expectHealthy(t);
    expect(t.core.status().storage.count).toBe(4);
  });
});
