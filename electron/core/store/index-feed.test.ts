import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps';
import type { IndexClient } from './index-client';
import { IndexFeed, MAX_IN_FLIGHT } from './index-feed';

/** The index thread's side of `written`, answered when the test says (the flow control is what is checked). */
function slowIndex() {
  const answers: (() => void)[] = [];
  const index = {
    call: () => new Promise((resolve) => answers.push(() => resolve({ indexed: [], bytes: 0 }))),
  } as unknown as IndexClient;
  return { index, answerOne: () => answers.shift()?.() };
}

const pending = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
  return !done;
};

describe('the index feed', () => {
  it(`has room for ${MAX_IN_FLIGHT} unanswered batches, then for one more as each is answered`, async () => {
    const { index, answerOne } = slowIndex();
    const feed = new IndexFeed(
      index,
      () => ({ segment: 1, offset: 0 }),
      () => 'Authorization',
      { indexed: () => undefined, health: () => undefined },
      silentLogger,
      { lastSeq: 0, bytes: 0 },
    );
    for (let i = 1; i < MAX_IN_FLIGHT; i += 1) await feed.written([]);
    const full = feed.written([]);
    expect(await pending(full)).toBe(true);
    answerOne();
    await full;
    const again = feed.written([]);
    expect(await pending(again)).toBe(true);
    for (let i = 0; i < MAX_IN_FLIGHT; i += 1) answerOne();
    await again;
    await feed.settled();
  });
});
