import type { Bridge } from '../bridge/bridge';
import type { AppStore } from './create-app-store';
import { applyBatch, emptyBatch, matchingIds, type PushBatch } from './live-match';

/** How many summaries the first snapshot brings; older ones load as the user scrolls. */
export const FIRST_PAGE = 1000;

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

/**
 * The one place that connects the store to the engine: snapshot-then-tail. Pushes are queued
 * from the start and applied once per frame; a push at or below the snapshot's last seq is
 * dropped, a gap triggers a fresh snapshot, and so does every reconnection and every new query.
 * With a query active, the engine says which pushed exchanges match (the renderer never holds
 * bodies); those answers are applied in order and dropped if a new snapshot overtook them.
 */
export function connectStore(
  store: AppStore,
  bridge: Bridge,
  schedule: FrameScheduler = animationFrameScheduler,
): () => void {
  let pending = emptyBatch();
  let scheduled = false;
  let syncing = false;
  /** Another snapshot was asked for while one loaded: `full` if status and settings too. */
  let syncAgain: { full: boolean } | null = null;
  /** Bumped by every snapshot: live matching begun before it is covered by it. */
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
    if (state.query === '') applyBatch(state, { ...batch, appended: fresh }, null);
    else {
      const startedIn = generation;
      matching = matching.then(() => applyMatching({ ...batch, appended: fresh }, state.query, startedIn));
    }
  };

  const applyMatching = async (batch: PushBatch, query: string, startedIn: number) => {
    const candidates = [...batch.appended, ...batch.updated].map((item) => item.id);
    const matches =
      candidates.length === 0 ? new Set<string>() : await matchingIds(bridge, query, candidates);
    if (startedIn !== generation || store.getState().query !== query) return;
    if (matches === null) void resync(false);
    else applyBatch(store.getState(), batch, matches);
  };

  /** A fresh snapshot of the list for the current query (and of status and settings if `full`). */
  const resync = async (full: boolean): Promise<void> => {
    if (syncing) {
      syncAgain = { full: full || (syncAgain?.full ?? false) };
      return;
    }
    syncing = true;
    generation += 1;
    const query = store.getState().query;
    const [list, status, settings, tunnel, okta] = await Promise.all([
      bridge.invoke('exchanges.list', { limit: FIRST_PAGE, query }),
      full ? bridge.invoke('status.get', {}) : null,
      full ? bridge.invoke('settings.get', {}) : null,
      full ? bridge.invoke('tunnel.status', {}) : null,
      full ? bridge.invoke('okta.get', {}) : null,
    ]);
    const state = store.getState();
    if (list.ok) state.replaceExchanges(list.value);
    else state.setError(list.error.message);
    if (status?.ok) state.setStatus(status.value);
    if (settings?.ok) state.setSettings(settings.value);
    if (tunnel?.ok) state.setTunnel(tunnel.value);
    if (okta?.ok) state.setOkta(okta.value);
    syncing = false;
    const again = syncAgain;
    syncAgain = null;
    if (again || store.getState().query !== query) return resync(again?.full ?? false);
    requestFlush();
  };

  const queue = (change: (batch: PushBatch) => void) => {
    change(pending);
    requestFlush();
  };

  const unsubscribers = [
    bridge.on('exchanges.appended', ({ items }) => queue((b) => b.appended.push(...items))),
    bridge.on('exchanges.updated', ({ items }) => queue((b) => b.updated.push(...items))),
    bridge.on('exchanges.removed', ({ ids }) => queue((b) => (b.removed = b.removed.concat(ids)))),
    bridge.on('exchanges.cleared', () => {
      pending = emptyBatch();
      store.getState().clearExchanges();
      store.getState().clearPicked();
      store.getState().dropDetails();
      // Pinned exchanges survive a clear: the snapshot brings them back.
      void resync(false);
    }),
    bridge.on('jobs.changed', (job) => store.getState().upsertJob(job)),
    bridge.on('status.changed', (status) => store.getState().setStatus(status)),
    bridge.on('settings.changed', (settings) => store.getState().setSettings(settings)),
    bridge.on('tunnel.changed', (tunnel) => store.getState().setTunnel(tunnel)),
    bridge.on('okta.changed', (okta) => store.getState().setOkta(okta)),
    bridge.onConnection((connection) => {
      store.getState().setConnection(connection);
      if (connection === 'connected') void resync(true);
    }),
    store.subscribe((state, previous) => {
      if (state.query !== previous.query) void resync(false);
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
