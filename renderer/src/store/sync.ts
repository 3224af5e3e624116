import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { Bridge } from '../bridge/bridge';
import type { AppStore } from './create-app-store';
import { matchingIds } from './live-match';

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

interface PushBatch {
  appended: ExchangeSummary[];
  updated: ExchangeSummary[];
  removed: string[];
}

const emptyBatch = (): PushBatch => ({ appended: [], updated: [], removed: [] });

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
  let syncAgain = false;
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
    if (state.query === '') apply({ ...batch, appended: fresh });
    else {
      const startedIn = generation;
      matching = matching.then(() => applyMatching({ ...batch, appended: fresh }, state.query, startedIn));
    }
  };

  const apply = (batch: PushBatch) => {
    const state = store.getState();
    state.insertExchanges(batch.appended);
    state.updateExchanges(batch.updated);
    state.removeExchanges(batch.removed);
  };

  const applyMatching = async (batch: PushBatch, query: string, startedIn: number) => {
    const candidates = [...batch.appended, ...batch.updated].map((item) => item.id);
    const matches =
      candidates.length === 0 ? new Set<string>() : await matchingIds(bridge, query, candidates);
    if (startedIn !== generation || store.getState().query !== query) return;
    if (matches === null) {
      void resync(false);
      return;
    }
    const state = store.getState();
    const known = (id: string) => id in store.getState().byId;
    const fits = (item: ExchangeSummary) => matches.has(item.id);
    state.insertExchanges(
      [...batch.appended, ...batch.updated].filter((item) => fits(item) && !known(item.id)),
    );
    state.updateExchanges(batch.updated.filter(fits));
    state.removeExchanges([
      ...batch.removed,
      ...batch.updated.filter((item) => !fits(item)).map((item) => item.id),
    ]);
  };

  /** A fresh snapshot of the list for the current query (and of status and settings if `full`). */
  const resync = async (full: boolean): Promise<void> => {
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    generation += 1;
    const query = store.getState().query;
    const [list, status, settings] = await Promise.all([
      bridge.invoke('exchanges.list', { limit: FIRST_PAGE, query }),
      full ? bridge.invoke('status.get', {}) : null,
      full ? bridge.invoke('settings.get', {}) : null,
    ]);
    const state = store.getState();
    if (list.ok) state.replaceExchanges(list.value);
    else state.setError(list.error.message);
    if (status?.ok) state.setStatus(status.value);
    if (settings?.ok) state.setSettings(settings.value);
    syncing = false;
    if (syncAgain || store.getState().query !== query) {
      syncAgain = false;
      return resync(false);
    }
    requestFlush();
  };

  const queue = (change: (batch: PushBatch) => void) => {
    change(pending);
    requestFlush();
  };

  const unsubscribers = [
    bridge.on('exchanges.appended', ({ items }) => queue((b) => b.appended.push(...items))),
    bridge.on('exchanges.updated', ({ items }) => queue((b) => b.updated.push(...items))),
    bridge.on('exchanges.removed', ({ ids }) => queue((b) => b.removed.push(...ids))),
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
    bridge.onConnection((connected) => {
      store.getState().setConnected(connected);
      if (connected) void resync(true);
    }),
    store.subscribe((state, previous) => {
      if (state.query !== previous.query) void resync(false);
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
