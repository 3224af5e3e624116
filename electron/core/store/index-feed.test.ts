import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps';
import type { IndexClient } from './index-client';
import { IndexFeed, MAX_IN_FLIGHT } from './index-feed';
import type { IndexTag } from './index/index-writer';
import type { Written } from './records/record-log';

/**
 * The index thread's side, answered when the test says (the flow control is what is checked;
 * store tests run the real index): a catch-up reads everything it was asked for.
 */
function slowIndex() {
  const calls: { method: string; args: unknown[]; answer: () => void }[] = [];
  const sent: string[] = [];
  const index = {
    call: (method: string, ...args: unknown[]) =>
      new Promise(
        (resolve) =>
          sent.push(method) &&
          calls.push({
            method,
            args,
            answer: () => resolve({ indexed: [], bytes: 0, reached: args[1] }),
          }),
      ),
  } as unknown as IndexClient;
  const answerOne = async () => {
    calls.shift()?.answer();
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  return { index, calls, sent, answerOne };
}

const pending = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
  return !done;
};

/** A log of 100-byte records in segment 1; `end` is where it ends now. */
function feedOn(index: IndexClient) {
  const log = { end: { segment: 1, offset: 0 }, seq: 0 };
  const feed = new IndexFeed(
    index,
    () => log.end,
    () => 'Authorization',
    { indexed: () => undefined, health: () => undefined },
    silentLogger,
    { lastSeq: 0, bytes: 0 },
  );
  const write = (tag?: IndexTag) => {
    const written: Written<IndexTag> = {
      position: { segment: 1, offset: log.end.offset, length: 100 },
      tag: tag ?? { kind: 'recorded', seq: (log.seq += 1) },
    };
    log.end = { segment: 1, offset: log.end.offset + 100 };
    return feed.written([written]);
  };
  return { feed, write };
}

describe('the index feed', () => {
  it(`never holds the receiver: past ${MAX_IN_FLIGHT} unanswered batches, the index reads the rest back from the log`, async () => {
    const { index, calls, answerOne } = slowIndex();
    const { feed, write } = feedOn(index);
    for (let i = 0; i < MAX_IN_FLIGHT; i += 1) await write();
    expect(await pending(write())).toBe(false);
    expect(await pending(write())).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(Array(MAX_IN_FLIGHT).fill('written'));

    await answerOne();
    expect(calls.at(-1)?.method).toBe('catchUp');
    expect(calls.at(-1)?.args.slice(0, 2)).toEqual([
      { segment: 1, offset: MAX_IN_FLIGHT * 100 },
      { segment: 1, offset: (MAX_IN_FLIGHT + 2) * 100 },
    ]);
    // Written while the index catches up: read back too, never sent twice.
    expect(await pending(write())).toBe(false);
    while (calls.length > 0) await answerOne();
    expect(calls).toEqual([]);
    await feed.settled();
  });

  it('hands a row the log cannot give back (a moved pin) over after the records before it, holding the log meanwhile', async () => {
    const { index, calls, sent, answerOne } = slowIndex();
    const { feed, write } = feedOn(index);
    for (let i = 0; i < MAX_IN_FLIGHT; i += 1) await write();
    await write();
    const moved = write({ kind: 'moved', seq: 1 });
    expect(await pending(moved)).toBe(true);

    await answerOne();
    const catchUp = calls.at(-1);
    expect(catchUp?.method).toBe('catchUp');
    expect(catchUp?.args[1]).toEqual({ segment: 1, offset: (MAX_IN_FLIGHT + 1) * 100 });
    while (await pending(moved)) await answerOne();
    expect(sent).toEqual([...Array(MAX_IN_FLIGHT).fill('written'), 'catchUp', 'written']);
    expect((calls.at(-1)?.args[0] as Written<IndexTag>[]).map((w) => w.tag.kind)).toEqual(['moved']);
    while (calls.length > 0) await answerOne();
    await feed.settled();
  });
});
