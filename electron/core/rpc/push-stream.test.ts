import { describe, expect, it, vi } from 'vitest';
import type { PushMessage } from '../../../shared/contract/events';
import type { ExchangeSummary } from '../../../shared/model/exchange';
import { makeSummary } from '../../../test-support/shared/make-summary';
import { PushStream } from './push-stream';

const summary = (seq: number, durationMs = 1) => makeSummary(seq, { durationMs });

describe('PushStream', () => {
  it('batches appended summaries into one message per flush interval', () => {
    vi.useFakeTimers();
    const stream = new PushStream({ flushMs: 50, maxBatch: 100 });
    const seen: PushMessage[] = [];
    stream.subscribe((m) => seen.push(m));
    for (let seq = 1; seq <= 10; seq += 1) stream.exchangeAppended(summary(seq));
    expect(seen).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ name: 'exchanges.appended' });
    expect((seen[0]?.payload as { items: ExchangeSummary[] }).items.map((s) => s.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    vi.useRealTimers();
  });

  it('folds an update into a pending append and sends later updates separately', () => {
    vi.useFakeTimers();
    const stream = new PushStream({ flushMs: 50, maxBatch: 100 });
    const seen: PushMessage[] = [];
    stream.subscribe((m) => seen.push(m));
    stream.exchangeAppended(summary(1, 1));
    stream.exchangeUpdated(summary(1, 9));
    vi.advanceTimersByTime(50);
    stream.exchangeUpdated(summary(1, 12));
    vi.advanceTimersByTime(50);
    expect(seen.map((m) => m.name)).toEqual(['exchanges.appended', 'exchanges.updated']);
    expect(seen[0]?.payload).toEqual({ items: [summary(1, 9)] });
    expect(seen[1]?.payload).toEqual({ items: [summary(1, 12)] });
    vi.useRealTimers();
  });

  it('flushes at once when a batch is full, and before any other event', () => {
    const stream = new PushStream({ flushMs: 10_000, maxBatch: 3 });
    const seen: string[] = [];
    stream.subscribe((m) => seen.push(m.name));
    stream.exchangeAppended(summary(1));
    stream.exchangeAppended(summary(2));
    stream.exchangeAppended(summary(3));
    stream.exchangeAppended(summary(4));
    stream.emit({ name: 'exchanges.cleared', payload: { seq: 4 } });
    expect(seen).toEqual(['exchanges.appended', 'exchanges.appended', 'exchanges.cleared']);
  });

  it('keeps serving other subscribers when one throws', () => {
    const stream = new PushStream({ flushMs: 10, maxBatch: 1 });
    const good = vi.fn();
    stream.subscribe(() => {
      throw new Error('closed window');
    });
    stream.subscribe(good);
    stream.exchangeAppended(summary(1));
    expect(good).toHaveBeenCalledTimes(1);
  });
});
