import { describe, expect, it } from 'vitest';
import { makeSummary } from '../../../../shared/testing/make-summary';
import { createAppStore } from '../create-app-store';
import { selectPickedCount, selectTarget } from '../selectors';

function storeWith(count: number) {
  const store = createAppStore();
  const items = Array.from({ length: count }, (_, i) => makeSummary(i + 1));
  store.getState().replaceExchanges({ items, nextCursor: null, total: count, lastSeq: count });
  return store;
}

describe('selection', () => {
  it('picks one, then a range from the anchor, then toggles with ctrl/cmd', () => {
    const store = storeWith(6);
    const state = () => store.getState();
    state().pickOnly('id-2');
    state().pickRange('id-5');
    expect([...state().picked].sort()).toEqual(['id-2', 'id-3', 'id-4', 'id-5']);
    state().togglePicked('id-3');
    state().togglePicked('id-6');
    expect(selectTarget(state())).toEqual({ ids: ['id-2', 'id-4', 'id-5', 'id-6'] });
  });

  it('selects all matching as a query with exceptions, and a new query drops it', () => {
    const store = storeWith(4);
    const state = () => store.getState();
    state().pickAllMatching();
    state().togglePicked('id-1');
    expect(selectPickedCount(state())).toBe(3);
    expect(selectTarget(state())).toEqual({ query: '', except: ['id-1'] });
    state().setQuery('status:5xx');
    expect(selectTarget(state())).toBeNull();
  });

  it('forgets picked exchanges once they are removed, and falls back to the one shown', () => {
    const store = storeWith(3);
    const state = () => store.getState();
    state().pickOnly('id-1');
    state().togglePicked('id-2');
    state().removeExchanges(['id-1']);
    expect([...state().picked]).toEqual(['id-2']);
    state().clearPicked();
    state().select('id-3');
    expect(selectTarget(state())).toEqual({ ids: ['id-3'] });
  });
});
