import type { StateCreator } from 'zustand';
import type { AppState } from '../create-app-store';

/**
 * Rows picked for bulk actions: explicit ids, or every exchange matching the query (loaded or
 * not) except some, so "select all" over 100,000 needs no list of ids.
 */
export interface SelectionSlice {
  picked: ReadonlySet<string>;
  /** Where a shift-click range starts. */
  anchorId: string | null;
  /** All exchanges matching `query` are picked, except these. */
  allMatching: { query: string; except: ReadonlySet<string> } | null;
  /** A plain click or a move: just this one. */
  pickOnly(id: string): void;
  /** Ctrl/Cmd-click: add or take out one. */
  togglePicked(id: string): void;
  /** Shift-click or shift-move: everything between the anchor and `id`, in list order. */
  pickRange(id: string): void;
  pickAllMatching(): void;
  clearPicked(): void;
}

const NONE: ReadonlySet<string> = new Set();

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  picked: NONE,
  anchorId: null,
  allMatching: null,

  pickOnly: (id) => set({ picked: new Set([id]), anchorId: id, allMatching: null }),

  togglePicked: (id) => {
    const { allMatching, picked } = get();
    if (allMatching) {
      const except = new Set(allMatching.except);
      if (!except.delete(id)) except.add(id);
      set({ allMatching: { ...allMatching, except }, anchorId: id });
      return;
    }
    const next = new Set(picked);
    if (!next.delete(id)) next.add(id);
    set({ picked: next, anchorId: id });
  },

  pickRange: (id) => {
    const { order, anchorId } = get();
    const from = order.indexOf(anchorId ?? id);
    const to = order.indexOf(id);
    if (from === -1 || to === -1) {
      set({ picked: new Set([id]), anchorId: id, allMatching: null });
      return;
    }
    const [low, high] = from < to ? [from, to] : [to, from];
    set({ picked: new Set(order.slice(low, high + 1)), allMatching: null });
  },

  pickAllMatching: () => set({ allMatching: { query: get().query, except: NONE }, picked: NONE }),

  clearPicked: () => set({ picked: NONE, allMatching: null }),
});
