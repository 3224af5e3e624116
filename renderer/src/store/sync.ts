import type { Bridge } from '../bridge/bridge';
import type { AppState, AppStore } from './create-app-store';
import { forgetRemoved } from './forget-removed';
import { applyBatch, emptyBatch, matchingIds, type PushBatch } from './live-match';
import { watchSelectionVisibility } from './selection-visibility';
import { MAX_WINDOW } from './slices/exchanges-slice';
import { parseQuery } from '../../../shared/query/query-parser';

const namesFilter = (query: string) => parseQuery(query).terms.some((term) => term.key === 'filter');

/** Rows read beyond those in view on each side, so scrolling a little needs no new read. */
export const PAD = 100;

/** Runs `flush` before the next paint; a timer covers hidden tabs, where frames pause. */
export type FrameScheduler = (flush: () => void) => void;

export const animationFrameScheduler: FrameScheduler = (flush) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    flush();
  };
  requestAnimationFrame(once);
  setTimeout(once, 250);
};

/** The rows to read for what is in view: a margin on each side, at most MAX_WINDOW. */
function readRange(state: AppState): { start: number; limit: number } {
  const start = Math.max(0, state.wanted.first - PAD);
  return { start, limit: Math.max(1, Math.min(MAX_WINDOW, state.wanted.last + PAD - start)) };
}

/** Whether every position in view is held (or past the end of the list). */
function covered(state: AppState): boolean {
  const first = Math.min(state.wanted.first, state.total);
  const last = Math.min(state.wanted.last, state.total);
  return first >= state.windowStart && last <= state.windowStart + state.window.length;
}

/**
 * The one place that connects the store to the engine: window-then-tail. The list holds the
 * rows in view (and a margin), read by position; pushes are queued from the start and applied
 * once per frame; a push at or below the last read's seq is dropped, a gap reads the window
 * again, and so do every reconnection, every new query and every scroll past the rows held.
 * With a query active, the engine says which pushed exchanges match (the renderer never holds
 * bodies); those answers are applied in order and dropped if a new read overtook them.
 */
export function connectStore(
  store: AppStore,
  bridge: Bridge,
  schedule: FrameScheduler = animationFrameScheduler,
): () => void {
  let pending = emptyBatch();
  let scheduled = false;
  let syncing = false;
  /** Another read was asked for while one ran: `full` if status and settings too. */
  let syncAgain: { full: boolean } | null = null;
  /** Bumped by every read: live matching begun before it is covered by it. */
  let generation = 0;
  let matching: Promise<void> = Promise.resolve();

  const requestFlush = () => {
    if (scheduled || syncing) return;
    scheduled = true;
    schedule(flush);
  };

  const flush = () => {
    scheduled = false;
    if (syncing) return;
    const batch = pending;
    pending = emptyBatch();
    const state = store.getState();
    const fresh = state.admitSeqs(batch.appended);
    if (fresh === null) {
      void resync(false);
      return;
    }
    if (state.query === '') apply({ ...batch, appended: fresh }, null);
    else {
      const startedIn = generation;
      matching = matching.then(() => applyMatching({ ...batch, appended: fresh }, state.query, startedIn));
    }
  };

  const apply = (batch: PushBatch, matches: ReadonlySet<string> | null) => {
    if (!applyBatch(store.getState(), batch, matches)) void resync(false);
  };

  const applyMatching = async (batch: PushBatch, query: string, startedIn: number) => {
    const candidates = [...batch.appended, ...batch.updated].map((item) => item.id);
    const matches =
      candidates.length === 0 ? new Set<string>() : await matchingIds(bridge, query, candidates);
    if (startedIn !== generation || store.getState().query !== query) return;
    if (matches === null) void resync(false);
    else apply(batch, matches);
  };

  /** Read the rows in view for the current query again (and status and settings if `full`). */
  const resync = async (full: boolean): Promise<void> => {
    if (syncing) {
      syncAgain = { full: full || (syncAgain?.full ?? false) };
      return;
    }
    syncing = true;
    generation += 1;
    // Pushes that came before this read are in its answer; applied after it, a removal
    // outside the rows held would be counted twice.
    pending = emptyBatch();
    const { query } = store.getState();
    const { start, limit } = readRange(store.getState());
    // The rows are drawn as soon as they come: the first paint waits for nothing else. Asked
    // first, the read is not queued behind the others for one of the browser's connections.
    const reading = bridge.invoke('exchanges.list', { offset: start, limit, query });
    const rest = full ? readRest() : null;
    const list = await reading;
    // The answer to a query typed over is dropped: the read for the new one follows below.
    if (!list.ok) store.getState().setError(list.error.message);
    else if (store.getState().query === query)
      store.getState().replaceWindow({ ...list.value, start, query });
    await rest;
    syncing = false;
    const again = syncAgain;
    syncAgain = null;
    const now = store.getState();
    if (again || now.query !== query || (list.ok && !covered(now) && readRange(now).start !== start)) {
      return resync(again?.full ?? false);
    }
    requestFlush();
  };

  /** Status, settings, tunnel, Okta and filters, each taken as it comes. */
  const readRest = () => {
    const state = () => store.getState();
    return Promise.all([
      bridge.invoke('status.get', {}).then((r) => r.ok && state().setStatus(r.value)),
      bridge.invoke('settings.get', {}).then((r) => r.ok && state().setSettings(r.value)),
      bridge.invoke('tunnel.status', {}).then((r) => r.ok && state().setTunnel(r.value)),
      bridge.invoke('okta.get', {}).then((r) => r.ok && state().setOkta(r.value)),
      bridge.invoke('filters.list', {}).then((r) => r.ok && state().setHookFilters(r.value)),
    ]);
  };

  const queue = (change: (batch: PushBatch) => void) => {
    change(pending);
    requestFlush();
  };

  const unsubscribers = [
    bridge.on('exchanges.appended', ({ items }) => queue((b) => b.appended.push(...items))),
    bridge.on('exchanges.updated', ({ items }) => queue((b) => b.updated.push(...items))),
    bridge.on('exchanges.removed', ({ ids, seqs, receivedAt }) => {
      forgetRemoved(store.getState(), ids);
      queue((b) => {
        b.removed.ids.push(...ids);
        b.removed.seqs.push(...seqs);
        b.removed.receivedAt.push(...receivedAt);
      });
    }),
    bridge.on('exchanges.cleared', () => {
      pending = emptyBatch();
      store.getState().clearExchanges();
      store.getState().clearPicked();
      store.getState().dropDetails();
      // Pinned exchanges survive a clear: the read brings them back.
      void resync(false);
    }),
    bridge.on('exchanges.changed', () => void resync(false)),
    bridge.on('jobs.changed', (job) => store.getState().upsertJob(job)),
    bridge.on('status.changed', (status) => {
      store.getState().setStatus(status);
      // A text search answered while a long backlog was being indexed (a migration, a rebuild)
      // is read again as the engine reports progress, until it sees everything.
      if (store.getState().searchPending > 0) void resync(false);
    }),
    bridge.on('settings.changed', (settings) => store.getState().setSettings(settings)),
    bridge.on('tunnel.changed', (tunnel) => store.getState().setTunnel(tunnel)),
    bridge.on('okta.changed', (okta) => store.getState().setOkta(okta)),
    bridge.on('filters.changed', (filters) => {
      store.getState().setHookFilters(filters);
      // A filter's check of the history fills what `filter:` lists as it goes.
      if (namesFilter(store.getState().query)) void resync(false);
    }),
    bridge.onConnection((connection) => {
      store.getState().setConnection(connection);
      if (connection === 'connected') void resync(true);
    }),
    store.subscribe((state, previous) => {
      if (state.query !== previous.query) void resync(false);
      else if (state.wanted !== previous.wanted && !covered(state)) void resync(false);
    }),
    watchSelectionVisibility(store, bridge),
  ];
  // The first page is read at once rather than when the push stream connects, a round trip
  // later: the first paint waits for it. The connection reads it again (exchanges stored
  // between the two reads are in that answer), unless it came first (a desktop bridge is
  // connected from the start).
  if (!syncing) void resync(false);
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
