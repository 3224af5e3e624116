import type { StateCreator } from 'zustand';
import type { Timeline } from '../../../../shared/model/timeline';
import type { AppState } from '../create-app-store';

/** The active search (what the list shows) and the timeline drawn for it. */
export interface FilterSlice {
  /** In the search syntax; the engine parses it. Changing it reloads the list. */
  query: string;
  timeline: Timeline | null;
  /** The query `timeline` was counted for: an earlier one while the new one's count is on its way. */
  timelineQuery: string | null;
  setQuery(query: string): void;
  setTimeline(timeline: Timeline, query: string): void;
}

export const createFilterSlice: StateCreator<AppState, [], [], FilterSlice> = (set, get) => ({
  query: '',
  timeline: null,
  timelineQuery: null,
  setQuery: (query) => {
    if (query === get().query) return;
    // A new query is a new list: what was picked and counted belongs to the old one.
    set({
      query,
      picked: new Set(),
      allMatching: null,
      wanted: { first: 0, last: get().wanted.last - get().wanted.first },
    });
  },
  setTimeline: (timeline, query) => set({ timeline, timelineQuery: query }),
});
