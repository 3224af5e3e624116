import type { StateCreator } from 'zustand';
import type { ExchangeSummary } from '../../../../shared/model/exchange';
import type { AppState } from '../create-app-store';

export interface ListPageData {
  items: ExchangeSummary[];
  nextCursor: number | null;
  total: number;
  lastSeq: number;
}

export interface ExchangesSlice {
  /** Ids of the listed exchanges (those matching the query) in seq order, oldest first. */
  order: string[];
  /**
   * Summaries by id. Changed in place, never copied: copying 100,000 entries takes over 100 ms,
   * which froze the page on every live batch (bench/README.md). Each change also sets new
   * state, so selectors of one summary (`byId[id]`) still see it.
   */
  byId: Record<string, ExchangeSummary>;
  /** Highest seq the engine has told us about, listed or not; pushes at or below it are known. */
  lastSeq: number;
  /** Cursor for the next older page, null when everything is loaded. */
  olderCursor: number | null;
  /** Exchanges matching the query on the engine side. */
  total: number;
  /** The exchange shown in the detail pane. */
  selectedId: string | null;
  /** Where the keyboard is in the list; stays when the detail is closed. */
  cursorId: string | null;
  /** True once the first snapshot is in. */
  loaded: boolean;
  replaceExchanges(page: ListPageData): void;
  /**
   * Take a pushed batch's seqs into account: returns the new summaries in seq order, or null
   * when a gap shows a push was missed (resync).
   */
  admitSeqs(items: ExchangeSummary[]): ExchangeSummary[] | null;
  /** Add summaries (new, or newly matching) in their seq place. */
  insertExchanges(items: ExchangeSummary[]): void;
  updateExchanges(items: ExchangeSummary[]): void;
  removeExchanges(ids: string[]): void;
  addOlder(page: { items: ExchangeSummary[]; nextCursor: number | null }): void;
  clearExchanges(): void;
  setTotal(total: number): void;
  /** Show an exchange in the detail pane (null closes it) and put the cursor on it. */
  select(id: string | null): void;
}

/** Index of the first id whose seq is not below `seq` (order is in seq order). */
function insertionPoint(order: string[], byId: Record<string, ExchangeSummary>, seq: number): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((byId[order[mid] as string]?.seq ?? Infinity) < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

export const createExchangesSlice: StateCreator<AppState, [], [], ExchangesSlice> = (set, get) => ({
  order: [],
  byId: {},
  lastSeq: 0,
  olderCursor: null,
  total: 0,
  selectedId: null,
  cursorId: null,
  loaded: false,

  replaceExchanges: ({ items, nextCursor, total, lastSeq }) => {
    const ascending = [...items].sort((a, b) => a.seq - b.seq);
    const { selectedId, cursorId } = get();
    const byId = Object.fromEntries(ascending.map((item) => [item.id, item]));
    set({
      order: ascending.map((item) => item.id),
      byId,
      lastSeq,
      olderCursor: nextCursor,
      total,
      loaded: true,
      selectedId: selectedId !== null && selectedId in byId ? selectedId : null,
      cursorId: cursorId !== null && cursorId in byId ? cursorId : null,
    });
  },

  admitSeqs: (items) => {
    const { lastSeq } = get();
    const fresh = items.filter((item) => item.seq > lastSeq).sort((a, b) => a.seq - b.seq);
    if (fresh.length === 0) return fresh;
    if ((fresh[0]?.seq ?? 0) > lastSeq + 1 && lastSeq !== 0) return null;
    set({ lastSeq: fresh.at(-1)?.seq ?? lastSeq });
    return fresh;
  },

  insertExchanges: (items) => {
    const { byId, order, total } = get();
    const fresh = items.filter((item) => !(item.id in byId)).sort((a, b) => a.seq - b.seq);
    if (fresh.length === 0) return;
    const newest = byId[order.at(-1) ?? ''];
    for (const item of fresh) byId[item.id] = item;
    let nextOrder: string[];
    if (newest === undefined || (fresh[0]?.seq ?? 0) > newest.seq)
      nextOrder = [...order, ...fresh.map((i) => i.id)];
    else {
      nextOrder = [...order];
      for (const item of fresh) nextOrder.splice(insertionPoint(nextOrder, byId, item.seq), 0, item.id);
    }
    set({ byId, order: nextOrder, total: total + fresh.length });
  },

  updateExchanges: (items) => {
    const { byId } = get();
    const known = items.filter((item) => item.id in byId);
    if (known.length === 0) return;
    for (const item of known) byId[item.id] = item;
    set({ byId });
  },

  removeExchanges: (ids) => {
    const { byId } = get();
    const gone = new Set(ids.filter((id) => id in byId));
    if (gone.size === 0) return;
    for (const id of gone) delete byId[id];
    set((state) => ({
      byId,
      order: state.order.filter((id) => !gone.has(id)),
      total: Math.max(0, state.total - gone.size),
      selectedId: state.selectedId !== null && gone.has(state.selectedId) ? null : state.selectedId,
      cursorId: state.cursorId !== null && gone.has(state.cursorId) ? null : state.cursorId,
      picked:
        state.picked.size === 0 ? state.picked : new Set([...state.picked].filter((id) => !gone.has(id))),
    }));
  },

  addOlder: ({ items, nextCursor }) => {
    const { byId } = get();
    const ascending = items.filter((item) => !(item.id in byId)).sort((a, b) => a.seq - b.seq);
    for (const item of ascending) byId[item.id] = item;
    set((state) => ({
      order: [...ascending.map((item) => item.id), ...state.order],
      byId,
      olderCursor: nextCursor,
    }));
  },

  clearExchanges: () =>
    set({ order: [], byId: {}, total: 0, olderCursor: null, selectedId: null, cursorId: null }),

  setTotal: (total) => set({ total }),

  select: (id) => set(id === null ? { selectedId: null } : { selectedId: id, cursorId: id }),
});
