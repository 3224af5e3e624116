import type { StateCreator } from 'zustand';
import type { AppState } from '../create-app-store';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type DetailTab = 'events' | 'payload' | 'raw' | 'headers' | 'response' | 'timing';

/** The part of the UI state worth keeping between sessions. */
export interface UiPreferences {
  theme: ThemeChoice;
  detailTab: DetailTab;
  /** Width of the list pane as a fraction of the window. */
  listFraction: number;
}

/** Comparing two exchanges: `b` is null while the user picks the second one in the list. */
export interface CompareState {
  a: string;
  b: string | null;
}

export interface UiSlice extends UiPreferences {
  settingsOpen: boolean;
  compare: CompareState | null;
  setTheme(theme: ThemeChoice): void;
  setDetailTab(tab: DetailTab): void;
  setListFraction(fraction: number): void;
  setSettingsOpen(open: boolean): void;
  setCompare(compare: CompareState | null): void;
}

export const clampListFraction = (fraction: number) => Math.min(0.75, Math.max(0.25, fraction));

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  theme: 'system',
  detailTab: 'events',
  listFraction: 0.5,
  settingsOpen: false,
  compare: null,
  setTheme: (theme) => set({ theme }),
  setDetailTab: (detailTab) => set({ detailTab }),
  setListFraction: (fraction) => set({ listFraction: clampListFraction(fraction) }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  setCompare: (compare) => set({ compare }),
});
