import type { StateCreator } from 'zustand';
import type { ExchangeSummary } from '../../../../shared/model/exchange';
import type { AppState } from '../create-app-store';

export interface ExchangesSlice {
  /** Ids in seq order, oldest first (the list renders it newest first). */
  order: string[];
  byId: Record<string, ExchangeSummary>;
  /** Highest seq applied; pushes at or below it are already known. */
  lastSeq: number;
  /** Cursor for the next older page, null when everything is loaded. */
  olderCursor: number | null;
  /** Exchanges in the store on the engine side. */
  total: number;
  selectedId: string | null;
  /** True once the first snapshot is in. */
  loaded: boolean;
  replaceExchanges(page: { items: ExchangeSummary[]; nextCursor: number | null; total: number }): void;
  /** Apply a pushed batch; returns false when a gap shows a resync is needed. */
  appendExchanges(items: ExchangeSummary[]): boolean;
  updateExchanges(items: ExchangeSummary[]): void;
  addOlder(page: { items: ExchangeSummary[]; nextCursor: number | null }): void;
  clearExchanges(): void;
  select(id: string | null): void;
}

export const createExchangesSlice: StateCreator<AppState, [], [], ExchangesSlice> = (set, get) => ({
  order: [],
  byId: {},
  lastSeq: 0,
  olderCursor: null,
  total: 0,
  selectedId: null,
  loaded: false,

  replaceExchanges: ({ items, nextCursor, total }) => {
    const ascending = [...items].sort((a, b) => a.seq - b.seq);
    const selectedId = get().selectedId;
    const byId = Object.fromEntries(ascending.map((item) => [item.id, item]));
    set({
      order: ascending.map((item) => item.id),
      byId,
      lastSeq: ascending.at(-1)?.seq ?? 0,
      olderCursor: nextCursor,
      total,
      loaded: true,
      selectedId: selectedId !== null && selectedId in byId ? selectedId : null,
    });
  },

  appendExchanges: (items) => {
    const { lastSeq, byId, order, total } = get();
    const fresh = items.filter((item) => item.seq > lastSeq).sort((a, b) => a.seq - b.seq);
    if (fresh.length === 0) return true;
    if ((fresh[0]?.seq ?? 0) > lastSeq + 1 && lastSeq !== 0) return false;
    const nextById = { ...byId };
    for (const item of fresh) nextById[item.id] = item;
    set({
      byId: nextById,
      order: [...order, ...fresh.map((item) => item.id)],
      lastSeq: fresh.at(-1)?.seq ?? lastSeq,
      total: total + fresh.length,
    });
    return true;
  },

  updateExchanges: (items) => {
    const known = items.filter((item) => item.id in get().byId);
    if (known.length === 0) return;
    set((state) => ({
      byId: { ...state.byId, ...Object.fromEntries(known.map((item) => [item.id, item])) },
    }));
  },

  addOlder: ({ items, nextCursor }) => {
    const ascending = items.filter((item) => !(item.id in get().byId)).sort((a, b) => a.seq - b.seq);
    set((state) => ({
      order: [...ascending.map((item) => item.id), ...state.order],
      byId: { ...state.byId, ...Object.fromEntries(ascending.map((item) => [item.id, item])) },
      olderCursor: nextCursor,
    }));
  },

  clearExchanges: () => set({ order: [], byId: {}, total: 0, olderCursor: null, selectedId: null }),

  select: (id) => set({ selectedId: id }),
});
