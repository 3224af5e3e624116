import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../../../../test-support/renderer/fake-bridge';
import { moveCursor, pickRange } from '../commands';
import { storeHolding } from '../../../../test-support/renderer/store-holding';
import { selectPickedCount, selectTarget } from '../selectors';

/** A store holding rows `start`… of `count` (newest first), and an engine that has all of them. */
function storeWith(count: number, held = count, start = 0) {
  const { store, all } = storeHolding(count, held, start);
  const bridge = createFakeBridge();
  bridge.answer('exchanges.list', (input) => {
    const { offset = 0, limit = 500 } = input as { offset?: number; limit?: number };
    return {
      items: all.slice(offset, offset + limit),
      nextCursor: null,
      total: count,
      lastSeq: count,
      searchPending: 0,
    };
  });
  bridge.answer('exchanges.get', (input) => ({ id: (input as { id: string }).id }) as never);
  return { store, bridge };
}

describe('selection', () => {
  it('picks one, then a range from the anchor, then toggles with ctrl/cmd', async () => {
    const { store, bridge } = storeWith(6);
    const state = () => store.getState();
    state().pickOnly('id-5');
    await pickRange(store, bridge, state().positionOf('id-2')!);
    expect([...state().picked].sort()).toEqual(['id-2', 'id-3', 'id-4', 'id-5']);
    state().togglePicked('id-3');
    state().togglePicked('id-6');
    expect(selectTarget(state())).toEqual({ ids: ['id-5', 'id-4', 'id-2', 'id-6'] });
  });

  it('picks a range reaching past the rows held, reading the rest from the engine', async () => {
    const { store, bridge } = storeWith(3000, 100, 0);
    store.getState().pickOnly('id-3000');
    await pickRange(store, bridge, 2499);
    expect(store.getState().picked.size).toBe(2500);
    expect(store.getState().picked.has('id-501')).toBe(true);
  });

  it('moves the keyboard cursor to rows not held yet, asking the list to show them', async () => {
    const { store, bridge } = storeWith(1000, 50, 0);
    store.getState().pickOnly('id-951');
    store.getState().select('id-951');
    await moveCursor(store, bridge, 200);
    expect(store.getState().cursorId).toBe('id-751');
    expect(store.getState().revealing?.position).toBe(249);
  });

  it('selects all matching as a query with exceptions, and a new query drops it', () => {
    const { store } = storeWith(4);
    const state = () => store.getState();
    state().pickAllMatching();
    state().togglePicked('id-1');
    expect(selectPickedCount(state())).toBe(3);
    expect(selectTarget(state())).toEqual({ query: '', except: ['id-1'] });
    state().setQuery('status:5xx');
    expect(selectTarget(state())).toBeNull();
  });

  it('forgets picked exchanges once they are removed, and falls back to the one shown', () => {
    const { store } = storeWith(3);
    const state = () => store.getState();
    state().pickOnly('id-1');
    state().togglePicked('id-2');
    state().removeExchanges({ ids: ['id-1'], seqs: [1], receivedAt: [1] }, true);
    expect([...state().picked]).toEqual(['id-2']);
    state().clearPicked();
    state().select('id-3');
    expect(selectTarget(state())).toEqual({ ids: ['id-3'] });
  });
});
