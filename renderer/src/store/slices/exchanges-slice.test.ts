import { describe, expect, it } from 'vitest';
import { storeHolding as holding } from '../../../../test-support/renderer/store-holding';
import { makeSummary } from '../../../../test-support/shared/make-summary';

const storeHolding = (count: number, held: number, start: number) => holding(count, held, start).store;

describe('the list in the order of time received', () => {
  it('places a new exchange received earlier than rows held where its time puts it', () => {
    const store = storeHolding(20, 5, 5);
    const state = () => store.getState();
    // Received between rows 13 and 12 (seq 21: it arrived last).
    state().insertExchanges([makeSummary(21, { receivedAt: 12.5 })]);
    expect(state().window).toEqual(['id-15', 'id-14', 'id-13', 'id-21', 'id-12', 'id-11']);
    expect(state().windowStart).toBe(5);
    // Received before every row held, where the list goes on: counted, nothing in view moves.
    state().insertExchanges([makeSummary(22, { receivedAt: 2 })]);
    expect(state().window).toHaveLength(6);
    expect(state().total).toBe(22);
    // Received after them: the rows held move a place down.
    state().insertExchanges([makeSummary(23)]);
    expect(state().windowStart).toBe(6);
  });

  it('places a removal outside the rows held by its time received', () => {
    const store = storeHolding(20, 5, 5);
    const state = () => store.getState();
    // Seq 30 is newer than every row held, but it was received before them: it was below.
    expect(state().removeExchanges({ ids: ['id-30'], seqs: [30], receivedAt: [3] }, true)).toBe(true);
    expect(state().windowStart).toBe(5);
    expect(state().total).toBe(19);
    expect(state().removeExchanges({ ids: ['id-18'], seqs: [18], receivedAt: [18] }, true)).toBe(true);
    expect(state().windowStart).toBe(4);
  });
});
