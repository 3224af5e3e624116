import type { StateCreator } from 'zustand';
import type { InlineRequestType, InlineState } from '../../../../shared/model/inline';
import type { AppState } from '../create-app-store';

/** Inline hooks as the engine reports them, and the panel that edits how each type is answered. */
export interface InlineSlice {
  inline: InlineState | null;
  inlinePanelOpen: boolean;
  inlineType: InlineRequestType;
  setInline(inline: InlineState): void;
  setInlinePanelOpen(open: boolean): void;
  setInlineType(type: InlineRequestType): void;
}

export const createInlineSlice: StateCreator<AppState, [], [], InlineSlice> = (set) => ({
  inline: null,
  inlinePanelOpen: false,
  inlineType: 'token',
  setInline: (inline) => set({ inline }),
  setInlinePanelOpen: (inlinePanelOpen) => set({ inlinePanelOpen }),
  setInlineType: (inlineType) => set({ inlineType }),
});

export const selectInline = (state: AppState) => state.inline;
export const selectInlinePanelOpen = (state: AppState) => state.inlinePanelOpen;
export const selectInlineType = (state: AppState) => state.inlineType;
/** The oldest call held at a breakpoint, if any. */
export const selectHeld = (state: AppState) => state.inline?.held[0] ?? null;
