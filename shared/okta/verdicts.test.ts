import { describe, expect, it } from 'vitest';
import { nextMove } from './next-move';
import { verificationProblem, verificationVerdict } from './verification-verdict';

const delivery = (status: number, durationMs = 5, isRepeat = false) =>
  nextMove({ kind: 'delivery', status, durationMs, isRepeat });

describe("Okta's next move", () => {
  it.each([
    [200, 'accepted'],
    [204, 'accepted'],
    [500, 'will-retry'],
    [503, 'will-retry'],
    [400, 'will-not-retry'],
    [401, 'will-not-retry'],
    [403, 'will-not-retry'],
    [302, 'will-not-retry'],
    [0, 'will-retry'],
  ])('after %i: %s', (status, move) => {
    expect(delivery(status).move).toBe(move);
  });

  it('counts an answer over 3 s as a timeout, even a 204', () => {
    expect(delivery(204, 3500)).toMatchObject({
      move: 'timed-out',
      sentence: expect.stringMatching(/retry once/),
    });
  });

  it("says the events are lost when Okta's retry fails too", () => {
    expect(delivery(500, 5, true)).toMatchObject({
      move: 'lost',
      sentence: expect.stringMatching(/events are lost/),
    });
    expect(delivery(204, 3500, true).move).toBe('lost');
    expect(delivery(204, 5, true).move).toBe('accepted');
  });

  it('reports the share of the budget used', () => {
    expect(delivery(204, 1500).budgetShare).toBe(0.5);
  });
});

describe('verification verdict', () => {
  const answer = { challenge: 'abc', status: 200, bodyText: '{"verification":"abc"}', auth: 'ok' as const };

  it('accepts the echoed challenge within 3 s', () => {
    expect(verificationProblem(answer)).toBeNull();
    expect(verificationVerdict(null, 20)).toEqual({
      verified: true,
      sentence: 'Okta will mark the hook VERIFIED.',
    });
  });

  it.each([
    ['a rejected secret', { auth: 'mismatch' as const }, /auth check rejected/],
    ['a non-2xx', { status: 500 }, /500, not a 2xx/],
    ['a body that is not JSON', { bodyText: 'abc' }, /not JSON/],
    ['the wrong shape', { bodyText: '{"challenge":"abc"}' }, /not \{"verification"/],
    ['the wrong value', { bodyText: '{"verification":"abd"}' }, /not the challenge/],
  ])('rejects %s', (_case, change, reason) => {
    const problem = verificationProblem({ ...answer, ...change });
    expect(verificationVerdict(problem, 20)).toMatchObject({
      verified: false,
      sentence: expect.stringMatching(reason),
    });
  });

  it('rejects an answer over 3 s', () => {
    expect(verificationVerdict(null, 3200)).toMatchObject({
      verified: false,
      sentence: expect.stringMatching(/3.2 s/),
    });
  });
});
