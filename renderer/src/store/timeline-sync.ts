import type { Bridge } from '../bridge/bridge';
import type { AppStore } from './create-app-store';

/** While traffic streams in, the timeline is redrawn at most this often. */
const REFRESH_MS = 1000;
/** Slices asked for; the engine picks a round width (1 s … 1 week) that fits. */
export const TIMELINE_BUCKETS = 120;

/**
 * Keeps the timeline current: at once for a new query or connection, and at most once a
 * second while exchanges arrive, change or go. The engine aggregates, so the renderer never
 * needs every summary. Nothing is asked before `firstScreen` resolves (the list's first rows
 * are drawn): the timeline is a pass over every match, which would slow the engine's answer
 * to the list and take a core from drawing it.
 */
export function connectTimeline(store: AppStore, bridge: Bridge, firstScreen: Promise<void>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let again = false;
  let lastRefresh = -Infinity;
  let drawn = false;
  /** Asked for before the first screen was drawn: sent once it is. */
  let waiting = false;

  const refresh = async () => {
    timer = null;
    if (!drawn) {
      waiting = true;
      return;
    }
    lastRefresh = Date.now();
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    const query = store.getState().query;
    const result = await bridge.invoke('exchanges.timeline', { query, buckets: TIMELINE_BUCKETS });
    inFlight = false;
    const current = store.getState().query === query;
    if (result.ok && current) store.getState().setTimeline(result.value, query);
    if (again) {
      again = false;
      // A new query asked for while this read ran is counted at once, not a second later.
      if (current) soon();
      else now();
    }
  };
  /** The first change after a quiet spell shows at once; a burst is drawn once a second. */
  const soon = () => {
    timer ??= setTimeout(() => void refresh(), Math.max(0, lastRefresh + REFRESH_MS - Date.now()));
  };
  const now = () => {
    if (timer) clearTimeout(timer);
    void refresh();
  };
  void firstScreen.then(() => {
    drawn = true;
    if (waiting) void refresh();
  });

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
    }),
  ];
  return () => {
    if (timer) clearTimeout(timer);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
