import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { AppState } from './create-app-store';
import type { DetailEntry } from './slices/details-slice';

export const selectOrder = (state: AppState): string[] => state.order;
export const selectSummary =
  (id: string) =>
  (state: AppState): ExchangeSummary | undefined =>
    state.byId[id];
export const selectSelectedId = (state: AppState): string | null => state.selectedId;
export const selectSelectedDetail = (state: AppState): DetailEntry | undefined =>
  state.selectedId === null ? undefined : state.details[state.selectedId];
export const selectStatus = (state: AppState) => state.status;
export const selectSettings = (state: AppState) => state.settings;
export const selectConnected = (state: AppState) => state.connected;
export const selectLoaded = (state: AppState) => state.loaded;
export const selectTotal = (state: AppState) => state.total;
export const selectTheme = (state: AppState) => state.theme;
export const selectDetailTab = (state: AppState) => state.detailTab;
export const selectListFraction = (state: AppState) => state.listFraction;
export const selectSettingsOpen = (state: AppState) => state.settingsOpen;
export const selectLastError = (state: AppState) => state.lastError;
export const selectCompare = (state: AppState) => state.compare;
export const selectTunnel = (state: AppState) => state.tunnel;
export const selectOkta = (state: AppState) => state.okta;
export const selectOktaPanelOpen = (state: AppState) => state.oktaPanelOpen;
export const selectOktaTab = (state: AppState) => state.oktaTab;
