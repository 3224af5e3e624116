import type { Bridge } from '../bridge/bridge';
import type { AppStore } from './create-app-store';

/** While traffic streams in, the timeline is redrawn at most this often. */
const REFRESH_MS = 1000;
/** Slices asked for; the engine picks a round width (1 s … 1 week) that fits. */
export const TIMELINE_BUCKETS = 120;

/**
 * Keeps the timeline current: at once for a new query or connection, and at most once a
 * second while exchanges arrive, change or go. The engine aggregates, so the renderer never
 * needs every summary.
 */
export function connectTimeline(store: AppStore, bridge: Bridge): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let again = false;
  let lastRefresh = -Infinity;
  /** Asked for before the list's first page came: sent once it has. */
  let firstPage = false;

  const refresh = async () => {
    timer = null;
    lastRefresh = Date.now();
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    const query = store.getState().query;
    const result = await bridge.invoke('exchanges.timeline', { query, buckets: TIMELINE_BUCKETS });
    inFlight = false;
    if (result.ok && store.getState().query === query) store.getState().setTimeline(result.value);
    if (again) {
      again = false;
      soon();
    }
  };
  /** The first change after a quiet spell shows at once; a burst is drawn once a second. */
  const soon = () => {
    timer ??= setTimeout(() => void refresh(), Math.max(0, lastRefresh + REFRESH_MS - Date.now()));
  };
  const now = () => {
    if (timer) clearTimeout(timer);
    // The index answers one request at a time: the list's first page goes first, so the
    // timeline (a pass over every match) never delays the first paint.
    if (store.getState().loaded) void refresh();
    else firstPage = true;
  };

  const unsubscribers = [
    bridge.on('exchanges.appended', soon),
    bridge.on('exchanges.updated', soon),
    bridge.on('exchanges.removed', soon),
    bridge.on('exchanges.cleared', now),
    bridge.onConnection((connection) => {
      if (connection === 'connected') now();
    }),
    store.subscribe((state, previous) => {
      if (state.query !== previous.query) now();
      else if (firstPage && state.loaded) {
        firstPage = false;
        void refresh();
      }
    }),
  ];
  return () => {
    if (timer) clearTimeout(timer);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
