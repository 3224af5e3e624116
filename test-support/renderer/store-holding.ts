import { createAppStore } from '../../renderer/src/store/create-app-store';
import type { ExchangeSummary } from '../../shared/model/exchange';
import { makeSummary } from '../shared/make-summary';

/**
 * A UI store holding rows `start`… (`held` of them) of a list of `count` exchanges, newest
 * first (seq and time received count…1), and every row of that list.
 */
export function storeHolding(count: number, held = count, start = 0) {
  const store = createAppStore();
  const all: ExchangeSummary[] = Array.from({ length: count }, (_, i) => makeSummary(count - i));
  store.getState().replaceWindow({
    items: all.slice(start, start + held),
    total: count,
    lastSeq: count,
    start,
    searchPending: 0,
    query: '',
  });
  return { store, all };
}
