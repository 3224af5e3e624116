import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDetailsSlice, type DetailsSlice } from './slices/details-slice';
import { createEngineSlice, type EngineSlice } from './slices/engine-slice';
import { createExchangesSlice, type ExchangesSlice } from './slices/exchanges-slice';
import { createFilterSlice, type FilterSlice } from './slices/filter-slice';
import { createHookFiltersSlice, type HookFiltersSlice } from './slices/hook-filters-slice';
import { createJobsSlice, type JobsSlice } from './slices/jobs-slice';
import { createInlineSlice, type InlineSlice } from './slices/inline-slice';
import { createOktaSlice, type OktaSlice } from './slices/okta-slice';
import { createSelectionSlice, type SelectionSlice } from './slices/selection-slice';
import { createTunnelSlice, type TunnelSlice } from './slices/tunnel-slice';
import { createUiSlice, type UiPreferences, type UiSlice } from './slices/ui-slice';

export type AppState = ExchangesSlice &
  SelectionSlice &
  FilterSlice &
  JobsSlice &
  DetailsSlice &
  EngineSlice &
  TunnelSlice &
  OktaSlice &
  HookFiltersSlice &
  InlineSlice &
  UiSlice;
export type AppStore = StoreApi<AppState>;

/** A fresh store per app window (and per test); `preferences` restores the saved UI choices. */
export function createAppStore(preferences: Partial<UiPreferences> = {}): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createExchangesSlice(...a),
    ...createSelectionSlice(...a),
    ...createFilterSlice(...a),
    ...createJobsSlice(...a),
    ...createDetailsSlice(...a),
    ...createEngineSlice(...a),
    ...createTunnelSlice(...a),
    ...createUiSlice(...a),
    ...createOktaSlice(...a),
    ...createHookFiltersSlice(...a),
    ...createInlineSlice(...a),
    ...preferences,
  }));
}
