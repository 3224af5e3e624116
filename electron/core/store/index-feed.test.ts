import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps';
import type { IndexClient } from './index-client';
import { IndexFeed, MAX_IN_FLIGHT, READS_WAIT_FOR } from './index-feed';
import type { IndexTag } from './index/index-writer';
import type { Written } from './records/record-log';
import type { LogPoint } from './records/record-scan';

/** Records in these tests are 100 bytes, one per write, all in segment 1. */
const RECORD = 100;

/**
 * The index thread's side, answered (or failed) when the test says: the flow control is what
 * is checked (the store tests run the real index). A catch-up reads all it was asked for.
 */
function scriptedIndex() {
  const calls: { method: string; args: unknown[]; answer: () => void; fail: (error: Error) => void }[] = [];
  const sent: string[] = [];
  const index = {
    call: (method: string, ...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const [from, to] = args as [LogPoint, LogPoint];
        sent.push(
          method === 'catchUp'
            ? `catchUp ${from.offset / RECORD}-${to.offset / RECORD}`
            : `written ${seqs(args[0]).join(',')}`,
        );
        calls.push({
          method,
          args,
          answer: () => resolve({ indexed: [], replaced: [], bytes: 0, reached: to }),
          fail: reject,
        });
      }),
  } as unknown as IndexClient;
  const ticks = async () => {
    for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  const answerAll = async () => {
    while (calls.length > 0) {
      calls.shift()?.answer();
      await ticks();
    }
  };
  return { index, calls, sent, ticks, answerAll };
}

const seqs = (rows: unknown) =>
  (rows as Written<IndexTag>[]).map(({ tag }) =>
    tag.kind === 'moved' ? `moved ${tag.seq}` : tag.kind === 'new' ? tag.summary.seq : tag.seq,
  );

/** After the feed's hand-over: timers of one delay run in the order they were set. */
const handedOver = () => new Promise((resolve) => setTimeout(resolve, HAND_OVER));
const HAND_OVER = 1;

function feedOn(index: IndexClient, readsWaitFor = READS_WAIT_FOR, handingOver = () => {}) {
  const log = { end: { segment: 1, offset: 0 }, seq: 0 };
  const feed = new IndexFeed(
    index,
    () => log.end,
    () => 'Authorization',
    { indexed: () => undefined, removed: () => undefined, health: () => undefined, handingOver },
    silentLogger,
    { lastSeq: 0, bytes: 0 },
    { readsWaitFor, handOverMs: HAND_OVER },
  );
  /** One write of the log; resolves once it is handed over (unless something else was asked first). */
  const write = (tag?: IndexTag) => {
    const written: Written<IndexTag> = {
      position: { segment: 1, offset: log.end.offset, length: RECORD },
      tag: tag ?? { kind: 'recorded', seq: (log.seq += 1) },
    };
    log.end = { segment: 1, offset: log.end.offset + RECORD };
    feed.written([written]);
    return handedOver();
  };
  return { feed, write };
}

/**
 * Write past the batches the index may have in flight, so the rest is left to a catch-up from
 * the log, and make that catch-up fail with `message`.
 */
async function failFirstCatchUp(
  { calls, ticks, answerAll }: ReturnType<typeof scriptedIndex>,
  write: ReturnType<typeof feedOn>['write'],
  message: string,
) {
  for (let i = 0; i < MAX_IN_FLIGHT + 3; i += 1) await write();
  calls.shift()?.answer();
  await ticks();
  const catchUp = calls.find((call) => call.method === 'catchUp');
  calls.splice(calls.indexOf(catchUp!), 1);
  catchUp?.fail(new Error(message));
  await answerAll();
}

describe('the index feed', () => {
  it(`past ${MAX_IN_FLIGHT} unanswered batches, lets the index read the rest back from the log`, async () => {
    const { index, calls, sent, ticks, answerAll } = scriptedIndex();
    const { feed, write } = feedOn(index);
    for (let i = 0; i < MAX_IN_FLIGHT + 2; i += 1) await write();
    expect(sent).toEqual(['written 1', 'written 2', 'written 3', 'written 4']);
    calls.shift()?.answer();
    await ticks();
    expect(sent.at(-1)).toBe('catchUp 4-6');
    // Written while the index catches up: read back too, never sent twice.
    await write();
    await answerAll();
    expect(sent.slice(4)).toEqual(['catchUp 4-6', 'catchUp 6-7']);
    expect(feed.backlog()).toBe(0);
    await feed.stop();
  });

  it('hands the records written meanwhile over together, after the final timings measured meanwhile', async () => {
    const { index, sent } = scriptedIndex();
    const { feed, write } = feedOn(index, undefined, () => sent.push('timings'));
    const turn = Promise.all([write(), write()]);
    expect(sent).toEqual([]);
    await turn;
    expect(sent).toEqual(['timings', 'written 1,2']);

    // Anything asked of the index meanwhile sees them: they go first.
    void write();
    void feed.current();
    expect(sent.slice(2)).toEqual(['timings', 'written 3']);
  });

  it('after a batch fails while later ones are taken, reads back from the first it failed, in order', async () => {
    const { index, calls, sent, answerAll } = scriptedIndex();
    const { feed, write } = feedOn(index);
    await write();
    await write();
    await write({ kind: 'moved', seq: 1 });
    expect(sent).toEqual(['written 1', 'written 2', 'written moved 1']);
    calls.shift()?.answer();
    calls.shift()?.fail(new Error('database or disk is full'));
    calls.shift()?.fail(new Error('database or disk is full'));
    await answerAll();
    expect(feed.backlog()).toBeGreaterThan(0);

    // The next write tries again: record 2 read back, the moved pin given again after it.
    await write();
    await answerAll();
    expect(sent.slice(3)).toEqual(['catchUp 1-2', 'written moved 1', 'catchUp 3-4']);
    expect(feed.backlog()).toBe(0);
  });

  it('after a batch fails while a later catch-up is taken, still reads back from the batch that failed', async () => {
    const { index, calls, sent, ticks, answerAll } = scriptedIndex();
    const { feed, write } = feedOn(index);
    for (let i = 0; i < MAX_IN_FLIGHT + 2; i += 1) await write();
    calls.shift()?.answer();
    await ticks();
    expect(sent.slice(MAX_IN_FLIGHT)).toEqual(['catchUp 4-6']);
    // Record 2 fails; records 3 and 4, and the catch-up sent before that was known, are taken.
    calls.shift()?.fail(new Error('database or disk is full'));
    await answerAll();

    await write();
    await answerAll();
    expect(sent.slice(MAX_IN_FLIGHT + 1)).toEqual(['catchUp 1-7']);
    expect(feed.backlog()).toBe(0);
    await feed.stop();
  });

  it('hands a row the log cannot give back (a moved pin) over after the records before it, never holding the log', async () => {
    const { index, calls, sent, ticks, answerAll } = scriptedIndex();
    const { feed, write } = feedOn(index);
    for (let i = 0; i < MAX_IN_FLIGHT + 1; i += 1) await write();
    await write({ kind: 'moved', seq: 1 });
    await write();
    calls.shift()?.answer();
    await ticks();
    await answerAll();
    expect(sent.slice(MAX_IN_FLIGHT)).toEqual(['catchUp 4-5', 'written moved 1', 'catchUp 6-7']);
    await feed.stop();
  });

  it('after a catch-up fails, a read tries again (no further delivery needed)', async () => {
    const scripted = scriptedIndex();
    const { index, sent, answerAll } = scripted;
    const { feed, write } = feedOn(index);
    await failFirstCatchUp(scripted, write, 'The history index stopped (exit code 1).');
    expect(feed.backlog()).toBeGreaterThan(0);

    const read = feed.current();
    await answerAll();
    await read;
    expect(sent.filter((call) => call.startsWith('catchUp'))).toEqual(['catchUp 4-7', 'catchUp 4-7']);
    expect(feed.backlog()).toBe(0);
  });

  it('after a catch-up fails far behind a flood, a read answers at once but tries again', async () => {
    const scripted = scriptedIndex();
    const { index, sent, answerAll } = scripted;
    // Reads stop waiting as soon as the index is behind, as past READS_WAIT_FOR in a flood.
    const { feed, write } = feedOn(index, 0);
    await failFirstCatchUp(scripted, write, 'database or disk is full');
    expect(feed.burstBacklog()).toBeGreaterThan(0);

    // The disk has room again and the flood is over: no delivery comes to try again.
    await feed.current();
    await answerAll();
    expect(sent.filter((call) => call.startsWith('catchUp'))).toEqual(['catchUp 4-7', 'catchUp 4-7']);
    expect(feed.backlog()).toBe(0);
  });

  it('before records are dropped, waits for the index to read them, however far behind it is', async () => {
    const { index, calls, ticks, answerAll } = scriptedIndex();
    // Reads stop waiting as soon as the index is behind, as past READS_WAIT_FOR in a flood.
    const { feed, write } = feedOn(index, 0);
    for (let i = 0; i < MAX_IN_FLIGHT + 3; i += 1) await write();
    calls.shift()?.answer();
    await ticks();
    expect(feed.burstBacklog()).toBeGreaterThan(0);
    await feed.current();

    let reached = false;
    const through = feed
      .reached({ segment: 1, offset: (MAX_IN_FLIGHT + 3) * RECORD })
      .then(() => (reached = true));
    await ticks();
    expect(reached).toBe(false);
    await answerAll();
    await through;
    expect(feed.backlog()).toBe(0);
  });

  it('before records are dropped, waits for the batches handed over already, and refuses if one failed', async () => {
    const { index, calls, ticks } = scriptedIndex();
    const { feed, write } = feedOn(index);
    await write();
    let settled = false;
    const through = feed.reached({ segment: 1, offset: RECORD });
    through.then(
      () => (settled = true),
      () => (settled = true),
    );
    await ticks();
    expect(settled).toBe(false);
    calls.shift()?.fail(new Error('database or disk is full'));
    await expect(through).rejects.toThrow('cannot take the records to be dropped');
  });

  it('refuses to let records be dropped while the index cannot read them', async () => {
    const { index, calls, ticks, answerAll } = scriptedIndex();
    const { feed, write } = feedOn(index, 0);
    for (let i = 0; i < MAX_IN_FLIGHT + 3; i += 1) await write();
    calls.shift()?.answer();
    await ticks();
    const through = feed.reached({ segment: 1, offset: (MAX_IN_FLIGHT + 3) * RECORD });
    await ticks();
    // Answered in order: the batches handed over before the catch-up first.
    while (calls[0]?.method === 'written') {
      calls.shift()?.answer();
      await ticks();
    }
    calls.shift()?.fail(new Error('The history index stopped (exit code 1).'));
    await expect(through).rejects.toThrow('cannot take the records to be dropped');
    await answerAll();
  });

  it('on closing, stops reading a burst back (the next start does) but hands over the rows only it holds', async () => {
    const { index, calls, sent, ticks, answerAll } = scriptedIndex();
    const { feed, write } = feedOn(index);
    for (let i = 0; i < MAX_IN_FLIGHT + 1; i += 1) await write();
    await write({ kind: 'moved', seq: 1 });
    for (let i = 0; i < 3; i += 1) await write();
    const stopped = feed.stop();
    calls.shift()?.answer();
    await ticks();
    await answerAll();
    await stopped;
    // Up to the moved pin, in order; the three records after it are left to the next start.
    expect(sent.slice(MAX_IN_FLIGHT)).toEqual(['catchUp 4-5', 'written moved 1']);
  });

  it('once stopped, neither a read nor a drop waits for the records it left to the next start', async () => {
    const { index, calls, ticks, answerAll } = scriptedIndex();
    const { feed, write } = feedOn(index);
    for (let i = 0; i < MAX_IN_FLIGHT + 3; i += 1) await write();
    const stopped = feed.stop();
    calls.shift()?.answer();
    await ticks();
    await answerAll();
    await stopped;
    expect(feed.backlog()).toBeGreaterThan(0);

    // A read or a Clear that comes in while the history closes settles: nothing will catch up.
    const settled: string[] = [];
    void feed.current().then(() => settled.push('read'));
    void feed.reached({ segment: 1, offset: (MAX_IN_FLIGHT + 3) * RECORD }).then(
      () => settled.push('dropped'),
      () => settled.push('drop refused'),
    );
    await ticks();
    await answerAll();
    expect(settled.sort()).toEqual(['drop refused', 'read']);
  });
});
