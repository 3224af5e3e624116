import type { StateCreator } from 'zustand';
import type { AppState } from '../create-app-store';
import type { SelectionTarget } from '../selectors';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type DetailTab = 'events' | 'payload' | 'raw' | 'headers' | 'response' | 'timing';

/** The part of the UI state worth keeping between sessions. */
export interface UiPreferences {
  theme: ThemeChoice;
  detailTab: DetailTab;
  /** Width of the list pane as a fraction of the window. */
  listFraction: number;
  /** The list takes the whole width (View › Toggle Detail Pane, Ctrl/⌘ \). */
  detailHidden: boolean;
}

/** The modal dialogs; at most one is open. */
export type DialogId = 'settings' | 'shortcuts' | 'export' | 'sample' | 'replay' | 'confirm' | 'filters';

/** A question for the confirm dialog; `resolve` gets the answer (false when dismissed). */
export interface Confirming {
  title: string;
  message: string;
  /** The action's name on its button, e.g. "Delete". */
  confirmLabel: string;
  resolve(ok: boolean): void;
}

/** What the replay dialog sends: one exchange, or a selection of `count`. */
export interface Replaying {
  selection: SelectionTarget;
  count: number;
}

/** Comparing two exchanges: `b` is null while the user picks the second one in the list. */
export interface CompareState {
  a: string;
  b: string | null;
}

/** Which copy control copied: every copy reports here, whether clicked or done by a key. */
export interface CopyNote {
  key: string;
  ok: boolean;
}

export interface UiSlice extends UiPreferences {
  dialog: DialogId | null;
  /** Storage notices the user has read and closed. */
  dismissedNotices: ReadonlySet<string>;
  /** A short confirmation shown for a moment (copied, saved…). */
  toast: { id: number; text: string } | null;
  /** The copy control that just copied (or failed to), until its feedback ends. */
  copied: CopyNote | null;
  compare: CompareState | null;
  replaying: Replaying | null;
  confirming: Confirming | null;
  setTheme(theme: ThemeChoice): void;
  setDetailTab(tab: DetailTab): void;
  setListFraction(fraction: number): void;
  toggleDetail(): void;
  openDialog(dialog: DialogId | null): void;
  dismissNotice(notice: string): void;
  showToast(text: string | null): void;
  noteCopy(copied: CopyNote | null): void;
  setCompare(compare: CompareState | null): void;
  openReplay(replaying: Replaying): void;
  setConfirming(confirming: Confirming | null): void;
}

/** A comparison whose second side is still to be picked is dropped; a complete one stays. */
export const withoutPendingPick = (compare: CompareState | null) => (compare?.b === null ? null : compare);

export const clampListFraction = (fraction: number) => Math.min(0.75, Math.max(0.25, fraction));

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  theme: 'system',
  detailTab: 'events',
  listFraction: 0.5,
  detailHidden: false,
  dialog: null,
  dismissedNotices: new Set(),
  toast: null,
  copied: null,
  compare: null,
  replaying: null,
  confirming: null,
  setTheme: (theme) => set({ theme }),
  setDetailTab: (detailTab) => set({ detailTab }),
  setListFraction: (fraction) => set({ listFraction: clampListFraction(fraction) }),
  // Hiding the detail ends a pick started from it: the banner would outlive what it compares.
  toggleDetail: () =>
    set((state) =>
      state.detailHidden
        ? { detailHidden: false }
        : { detailHidden: true, compare: withoutPendingPick(state.compare) },
    ),
  openDialog: (dialog) => {
    // Another dialog, or none, answers a pending question with no.
    const pending = get().confirming;
    set({ dialog, confirming: null });
    pending?.resolve(false);
  },
  setConfirming: (confirming) => set({ confirming, dialog: confirming ? 'confirm' : null }),
  openReplay: (replaying) => set({ dialog: 'replay', replaying }),
  showToast: (text) =>
    set((state) => ({ toast: text === null ? null : { id: (state.toast?.id ?? 0) + 1, text } })),
  noteCopy: (copied) => set({ copied }),
  dismissNotice: (notice) =>
    set((state) => ({ dismissedNotices: new Set([...state.dismissedNotices, notice]) })),
  setCompare: (compare) => set({ compare }),
});
