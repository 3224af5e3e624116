import type { StateCreator } from 'zustand';
import type { FiltersState } from '../../../../shared/model/hook-filter';
import type { AppState } from '../create-app-store';

/** Saved event hook filters and the filters of the org's hooks, as the engine reports them. */
export interface HookFiltersSlice {
  hookFilters: FiltersState | null;
  setHookFilters(hookFilters: FiltersState): void;
}

export const createHookFiltersSlice: StateCreator<AppState, [], [], HookFiltersSlice> = (set) => ({
  hookFilters: null,
  setHookFilters: (hookFilters) => set({ hookFilters }),
});
