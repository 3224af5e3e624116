import type { StateCreator } from 'zustand';
import type { ExchangeSummary } from '../../../../shared/model/exchange';
import type { AppState } from '../create-app-store';
import { listOrder, listsAbove, type ListPlace } from '../list-order';
import { withoutPendingPick } from './ui-slice';

/** A page of the list as the engine answers it, and where it starts. */
export interface WindowPage {
  items: ExchangeSummary[];
  total: number;
  lastSeq: number;
  /** Position of the first item (0 is the newest match). */
  start: number;
  /** Stored exchanges a free-text query could not see yet (their words are still being indexed). */
  searchPending: number;
  /** The query the page answers. */
  query: string;
}

/** Rows kept around the part of the list in view; the rest is read from the engine as needed. */
export const MAX_WINDOW = 600;

export interface ExchangesSlice {
  /**
   * The listed rows the UI holds, newest first: those at positions `windowStart`,
   * `windowStart + 1`… of the query's matches (0 is the newest). The list reads any other
   * position from the engine when it comes into view, so the history's size never matters here.
   */
  window: string[];
  windowStart: number;
  /** Summaries of the rows in the window (and the one shown in detail). Changed in place. */
  byId: Record<string, ExchangeSummary>;
  /** Highest seq the engine has told us about, listed or not; pushes at or below it are known. */
  lastSeq: number;
  /** Exchanges matching the query on the engine side. */
  total: number;
  /**
   * The query the rows held and `total` answer. While a new query's read is on its way it is
   * the previous one: the list says it is searching rather than count the old rows as matches.
   */
  listedQuery: string;
  /** Exchanges the last read's free-text query could not see yet (docs/storage.md, "Search"). */
  searchPending: number;
  /** Rows put in above the window since the list was loaded: the view keeps its rows in place. */
  shifted: number;
  /** The exchange shown in the detail pane. */
  selectedId: string | null;
  /**
   * The engine says the exchange shown is not among the query's matches: a new search left it
   * out, or it was opened from outside the list. The pane says so; keys ask or say so first.
   */
  selectedHidden: boolean;
  setSelectedHidden(hidden: boolean): void;
  /** Where the keyboard is in the list; stays when the detail is closed. */
  cursorId: string | null;
  /** True once the first page is in. */
  loaded: boolean;
  /** Positions the list shows now (the sync reads them from the engine if they are not held). */
  wanted: { first: number; last: number };
  setWanted(first: number, last: number): void;
  /** A position to bring into view (keyboard moves); `at` changes each time, so the same one can be asked again. */
  revealing: { position: number; at: number } | null;
  reveal(position: number): void;
  /** Take a page read from the engine as the window (what was held elsewhere is dropped). */
  replaceWindow(page: WindowPage): void;
  /**
   * Take a pushed batch's seqs into account: returns the new summaries in seq order, or null
   * when a gap shows a push was missed (resync).
   */
  admitSeqs(items: ExchangeSummary[]): ExchangeSummary[] | null;
  /**
   * Add summaries (new, or newly matching) in their place in the list's order (by time
   * received, then seq): one older than the rows held, where the list goes on, is only counted
   * (nothing in view moves); one newer moves the held rows a place down.
   */
  insertExchanges(items: ExchangeSummary[]): void;
  updateExchanges(items: ExchangeSummary[]): void;
  /**
   * Take out removed exchanges; returns false when some of them were not held and it cannot
   * tell where they were (the caller reads the window again).
   */
  removeExchanges(
    removed: { ids: string[]; seqs: number[]; receivedAt: number[] },
    everyRowMatches: boolean,
  ): boolean;
  clearExchanges(): void;
  /** Position of a held row, or null. */
  positionOf(id: string): number | null;
  /** Show an exchange in the detail pane (null closes it) and put the cursor on it. */
  select(id: string | null): void;
}

const placeOf = (state: Pick<AppState, 'byId'>, id: string | undefined): ListPlace | undefined =>
  id === undefined ? undefined : state.byId[id];

export const createExchangesSlice: StateCreator<AppState, [], [], ExchangesSlice> = (set, get) => ({
  window: [],
  windowStart: 0,
  byId: {},
  lastSeq: 0,
  total: 0,
  listedQuery: '',
  searchPending: 0,
  shifted: 0,
  selectedId: null,
  selectedHidden: false,
  cursorId: null,
  loaded: false,
  wanted: { first: 0, last: 0 },
  revealing: null,

  reveal: (position) => set({ revealing: { position, at: (get().revealing?.at ?? 0) + 1 } }),

  setWanted: (first, last) => {
    const { wanted } = get();
    if (wanted.first !== first || wanted.last !== last) set({ wanted: { first, last } });
  },

  replaceWindow: ({ items, total, lastSeq, start, searchPending, query }) => {
    const { byId, selectedId } = get();
    const kept = selectedId === null ? undefined : byId[selectedId];
    const next: Record<string, ExchangeSummary> = kept ? { [kept.id]: kept } : {};
    for (const item of items) next[item.id] = item;
    set({
      window: items.map((item) => item.id),
      windowStart: start,
      byId: next,
      total,
      listedQuery: query,
      lastSeq,
      searchPending,
      loaded: true,
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
    const state = get();
    const fresh = items.filter((item) => !state.window.includes(item.id)).sort(listOrder);
    if (fresh.length === 0) return;
    const newest = placeOf(state, state.window[0]);
    const oldest = placeOf(state, state.window.at(-1));
    const reachesEnd = state.windowStart + state.window.length >= state.total;
    let { windowStart, shifted } = state;
    let window = [...state.window];
    const { byId } = state;
    for (const item of fresh) {
      // Above the rows held: they move one place down.
      if (newest && listsAbove(item, newest) && windowStart > 0) {
        windowStart += 1;
        shifted += 1;
        continue;
      }
      // Below them, where the list goes on: not held.
      if (oldest && listsAbove(oldest, item) && !reachesEnd) continue;
      byId[item.id] = item;
      const at = window.findIndex((id) => {
        const row = byId[id];
        return row === undefined || listsAbove(item, row);
      });
      window.splice(at === -1 ? window.length : at, 0, item.id);
      if (at === 0) shifted += 1;
    }
    if (window.length > MAX_WINDOW) {
      for (const id of window.slice(MAX_WINDOW)) if (id !== state.selectedId) delete byId[id];
      window = window.slice(0, MAX_WINDOW);
    }
    set({ window, windowStart, shifted, byId, total: state.total + fresh.length });
  },

  updateExchanges: (items) => {
    const { byId } = get();
    const known = items.filter((item) => item.id in byId);
    if (known.length === 0) return;
    for (const item of known) byId[item.id] = item;
    set({ byId });
  },

  removeExchanges: ({ ids, seqs, receivedAt }, everyRowMatches) => {
    const state = get();
    const held = new Set(ids.filter((id) => state.window.includes(id)));
    const newest = placeOf(state, state.window[0]);
    const oldest = placeOf(state, state.window.at(-1));
    const fromTop = state.windowStart === 0;
    const toEnd = state.windowStart + state.window.length >= state.total;
    let above = 0;
    let below = 0;
    let unplaced = 0;
    ids.forEach((id, i) => {
      if (held.has(id)) return;
      const gone = { seq: seqs[i] ?? 0, receivedAt: receivedAt[i] ?? 0 };
      if (!everyRowMatches) unplaced += 1;
      // The rows held are the list as last read: one not among them that would fall between
      // them, or beyond an end of the list they reach, was gone by then (a read that ran
      // after the delete). Counting it again would shrink the list below what the engine has.
      else if ((newest === undefined || listsAbove(gone, newest)) && !fromTop) above += 1;
      else if ((oldest === undefined || listsAbove(oldest, gone)) && !toEnd) below += 1;
    });
    const { byId } = state;
    // The one shown in detail is held outside the window too.
    for (const id of ids) delete byId[id];
    const forget = (id: string | null) => (id !== null && ids.includes(id) ? null : id);
    set({
      byId,
      window: state.window.filter((id) => !held.has(id)),
      windowStart: Math.max(0, state.windowStart - above),
      total: Math.max(0, state.total - held.size - above - below),
      selectedId: forget(state.selectedId),
      // A pick started from the exchange shown ends with it.
      compare: forget(state.selectedId) === null ? withoutPendingPick(state.compare) : state.compare,
      cursorId: forget(state.cursorId),
      picked:
        state.picked.size === 0 ? state.picked : new Set([...state.picked].filter((id) => !ids.includes(id))),
    });
    return unplaced === 0;
  },

  clearExchanges: () =>
    set((state) => ({
      compare: withoutPendingPick(state.compare),
      window: [],
      windowStart: 0,
      byId: {},
      total: 0,
      searchPending: 0,
      selectedId: null,
      cursorId: null,
      wanted: { first: 0, last: 0 },
    })),

  positionOf: (id) => {
    const { window, windowStart } = get();
    const index = window.indexOf(id);
    return index === -1 ? null : windowStart + index;
  },

  setSelectedHidden: (hidden) => {
    if (get().selectedHidden !== hidden) set({ selectedHidden: hidden });
  },

  // Closing the detail ends a pick started from it, so the next row opened is not compared.
  select: (id) =>
    set((state) =>
      id === null
        ? { selectedId: null, compare: withoutPendingPick(state.compare) }
        : { selectedId: id, cursorId: id },
    ),
});
