import { parseQuery } from '../../../shared/query/query-parser';
import { typeMatcher } from '../../../shared/query/query-matcher';
import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { AppState } from './create-app-store';
import type { DetailEntry } from './slices/details-slice';

export const selectWindow = (state: AppState): string[] => state.window;
export const selectWindowStart = (state: AppState): number => state.windowStart;
export const selectShifted = (state: AppState): number => state.shifted;
export const selectRevealing = (state: AppState) => state.revealing;
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
export const selectRefused = (state: AppState) => state.refused;
export const selectLoaded = (state: AppState) => state.loaded;
export const selectTotal = (state: AppState) => state.total;
/** Whether the rows held answer the query in the box (false while a new query's read is on its way). */
export const selectListCurrent = (state: AppState) => state.listedQuery === state.query;
export const selectTheme = (state: AppState) => state.theme;
export const selectDetailTab = (state: AppState) => state.detailTab;
export const selectListFraction = (state: AppState) => state.listFraction;
export const selectDialog = (state: AppState) => state.dialog;
export const selectLastError = (state: AppState) => state.lastError;
export const selectCompare = (state: AppState) => state.compare;
export const selectTunnel = (state: AppState) => state.tunnel;
export const selectOkta = (state: AppState) => state.okta;
export const selectOktaPanelOpen = (state: AppState) => state.oktaPanelOpen;
export const selectOktaTab = (state: AppState) => state.oktaTab;

/** Which exchanges a bulk action applies to, as the contract takes it. */
export type SelectionTarget = { ids: string[] } | { query: string; except: string[] };

/** The picked exchanges, or the one shown when nothing is picked; for event handlers (new object each call). */
export function selectTarget(state: AppState): SelectionTarget | null {
  if (state.allMatching) return { query: state.allMatching.query, except: [...state.allMatching.except] };
  if (state.picked.size > 0) return { ids: [...state.picked] };
  return state.selectedId === null ? null : { ids: [state.selectedId] };
}

/** How many exchanges are picked (all matching counts the whole query). */
export const selectPickedCount = (state: AppState): number =>
  state.allMatching ? Math.max(0, state.total - state.allMatching.except.size) : state.picked.size;

export const selectIsPicked =
  (id: string) =>
  (state: AppState): boolean =>
    state.allMatching ? !state.allMatching.except.has(id) : state.picked.has(id);

export const selectQuery = (state: AppState) => state.query;
export const selectReplaying = (state: AppState) => state.replaying;
export const selectDetailHidden = (state: AppState) => state.detailHidden;
export const selectTimeline = (state: AppState) => state.timeline;
/** Whether the timeline drawn counts the query in the box. */
export const selectTimelineCurrent = (state: AppState) => state.timelineQuery === state.query;
export const selectJobs = (state: AppState) => state.jobs;
export const selectCursorId = (state: AppState) => state.cursorId;

export type TypeTest = ((type: string) => boolean) | null;

/** The event types the search asks for (`type:`), parsed once per query for every row. */
export const selectTypeTest = (() => {
  let last: { query: string; test: TypeTest } = { query: '', test: null };
  return (state: AppState): TypeTest => {
    if (state.query !== last.query) last = { query: state.query, test: typeMatcher(parseQuery(state.query)) };
    return last.test;
  };
})();
