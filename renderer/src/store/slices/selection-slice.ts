import type { StateCreator } from 'zustand';
import type { AppState } from '../create-app-store';

/** Where a shift range starts: a row, and its position then (rows put in above since move it down). */
export interface Anchor {
  id: string;
  position: number;
  shifted: number;
}

/**
 * Rows picked for bulk actions: explicit ids, or every exchange matching the query (held or
 * not) except some, so "select all" over a million needs no list of ids.
 */
export interface SelectionSlice {
  picked: ReadonlySet<string>;
  anchor: Anchor | null;
  /** All exchanges matching `query` are picked, except these. */
  allMatching: { query: string; except: ReadonlySet<string> } | null;
  /**
   * The pick followed the detail pane to an exchange opened from outside the list (a link, a
   * replay, the Okta panel): the user did not choose it there, so deleting it asks first.
   */
  followed: boolean;
  /** A plain click or a move: just this one (at `position`, if the caller knows it and it is not held). */
  pickOnly(id: string, position?: number): void;
  /** The exchange just opened from outside the list becomes the pick, so keys act on what is shown. */
  follow(id: string): void;
  /** Ctrl/Cmd-click: add or take out one. */
  togglePicked(id: string): void;
  /** A shift range, read by the caller from the anchor to its end: these ids. */
  pickIds(ids: string[]): void;
  /** Where the anchor is now, if there is one. */
  anchorPosition(): number | null;
  pickAllMatching(): void;
  clearPicked(): void;
}

const NONE: ReadonlySet<string> = new Set();

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => {
  const anchorAt = (id: string, known?: number): Anchor | null => {
    const position = get().positionOf(id) ?? known ?? null;
    return position === null ? null : { id, position, shifted: get().shifted };
  };
  return {
    picked: NONE,
    anchor: null,
    allMatching: null,
    followed: false,

    pickOnly: (id, position) =>
      set({ picked: new Set([id]), anchor: anchorAt(id, position), allMatching: null, followed: false }),

    follow: (id) => set({ picked: new Set([id]), anchor: anchorAt(id), allMatching: null, followed: true }),

    togglePicked: (id) => {
      const { allMatching, picked } = get();
      if (allMatching) {
        const except = new Set(allMatching.except);
        if (!except.delete(id)) except.add(id);
        set({ allMatching: { ...allMatching, except }, anchor: anchorAt(id), followed: false });
        return;
      }
      const next = new Set(picked);
      if (!next.delete(id)) next.add(id);
      set({ picked: next, anchor: anchorAt(id), followed: false });
    },

    pickIds: (ids) => set({ picked: new Set(ids), allMatching: null, followed: false }),

    anchorPosition: () => {
      const { anchor, shifted } = get();
      if (anchor === null) return null;
      return get().positionOf(anchor.id) ?? anchor.position + (shifted - anchor.shifted);
    },

    pickAllMatching: () =>
      set({ allMatching: { query: get().query, except: NONE }, picked: NONE, followed: false }),

    clearPicked: () => set({ picked: NONE, allMatching: null, followed: false }),
  };
};
