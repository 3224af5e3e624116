import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { withheldBodies } from '../../../test-support/engine/corpus-requests';
import { CORPUS_SECRET, expectHealthy } from '../../../test-support/engine/hostile-corpus';
import { send } from '../../../test-support/engine/http-client';
import { collect } from '../../../test-support/engine/raw-socket';
import { BodyBudget, STRANGERS_SHARE } from './admission';

const LIMIT = 4096;

let t: TestCore | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('body budget', () => {
  it('reserves what arrived, keeps a share from requests that failed the secret check, and frees on release', () => {
    const budget = new BodyBudget(() => 1000);
    const stranger = budget.open(false);
    expect(stranger.take(1000 * STRANGERS_SHARE)).toBe(true);
    expect(budget.open(false).take(1)).toBe(false);
    const trusted = budget.open(true);
    expect(trusted.take(1000 * (1 - STRANGERS_SHARE))).toBe(true);
    expect(budget.open(true).take(1)).toBe(false);
    stranger.release();
    expect(budget.open(true).take(1)).toBe(true);
    expect(budget.open(false).take(1000 * STRANGERS_SHARE - 1)).toBe(true);
    trusted.release();
    trusted.release();
    expect(budget.open(true).take(1000 * (1 - STRANGERS_SHARE))).toBe(true);
  });
});

describe('body budget under a flood of large bodies', () => {
  it('answers the body whose bytes pass the budget 503 with Retry-After, unrecorded, and serves the rest', async () => {
    t = await startTestCore({
      overrides: { secret: CORPUS_SECRET },
      receiverLimits: { bodyBudgetBytes: 10_000 },
    });
    await t.call('settings.update', { bodyLimitBytes: LIMIT });
    const { port, pathname: path } = new URL(t.hookUrl);
    const auth: [string, string] = ['Authorization', CORPUS_SECRET];
    // 4,000 + 4,000 + 3,000 bytes arrive: more than the 10,000-byte budget holds at once.
    const uploads = [
      ...(await withheldBodies(
        { port: Number(port), path },
        2,
        [auth, ['Content-Length', String(LIMIT)]],
        'x'.repeat(4000),
      )),
      ...(await withheldBodies(
        { port: Number(port), path },
        1,
        [auth, ['Content-Length', '3000']],
        'y'.repeat(3000),
      )),
    ];
    const outcomes = uploads.map((socket) => collect(socket, { responses: 1, timeoutMs: 10_000 }));
    const refused = await Promise.race(outcomes);
    expect(refused.responses[0]).toMatchObject({ status: 503, headers: { 'retry-after': '1' } });
    expect(t.core.status().storage.count).toBe(0);

    // A request without a body reserves nothing: verification still works meanwhile.
    const verification = await send(t.hookUrl, {
      headers: [['X-Okta-Verification-Challenge', 'still-here'], auth],
    });
    expect(verification.status).toBe(200);
    for (const socket of uploads.slice(0, 2)) socket.write('x'.repeat(LIMIT - 4000));
    const statuses = (await Promise.all(outcomes)).map((o) => o.responses[0]?.status);
    expect(statuses.sort()).toEqual([204, 204, 503]);
    await expectHealthy(t);
    expect(t.core.status().storage.count).toBe(4);
  });
});
