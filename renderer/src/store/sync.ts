import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { Bridge } from '../bridge/bridge';
import type { AppStore } from './create-app-store';

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
 * dropped, a gap triggers a fresh snapshot, and so does every reconnection.
 */
export function connectStore(
  store: AppStore,
  bridge: Bridge,
  schedule: FrameScheduler = animationFrameScheduler,
): () => void {
  let appended: ExchangeSummary[] = [];
  let updated: ExchangeSummary[] = [];
  let scheduled = false;
  let syncing = false;
  let syncAgain = false;

  const requestFlush = () => {
    if (scheduled || syncing) return;
    scheduled = true;
    schedule(flush);
  };

  const flush = () => {
    scheduled = false;
    if (syncing) return;
    const batch = appended;
    const changes = updated;
    appended = [];
    updated = [];
    const state = store.getState();
    if (batch.length > 0 && !state.appendExchanges(batch)) {
      void resync();
      return;
    }
    if (changes.length > 0) state.updateExchanges(changes);
  };

  const resync = async (): Promise<void> => {
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    const [list, status, settings, tunnel, okta] = await Promise.all([
      bridge.invoke('exchanges.list', { limit: FIRST_PAGE }),
      bridge.invoke('status.get', {}),
      bridge.invoke('settings.get', {}),
      bridge.invoke('tunnel.status', {}),
      bridge.invoke('okta.get', {}),
    ]);
    const state = store.getState();
    if (list.ok) state.replaceExchanges(list.value);
    else state.setError(list.error.message);
    if (status.ok) state.setStatus(status.value);
    if (settings.ok) state.setSettings(settings.value);
    if (tunnel.ok) state.setTunnel(tunnel.value);
    if (okta.ok) state.setOkta(okta.value);
    syncing = false;
    if (syncAgain) {
      syncAgain = false;
      return resync();
    }
    requestFlush();
  };

  const unsubscribers = [
    bridge.on('exchanges.appended', ({ items }) => {
      appended.push(...items);
      requestFlush();
    }),
    bridge.on('exchanges.updated', ({ items }) => {
      updated.push(...items);
      requestFlush();
    }),
    bridge.on('exchanges.cleared', () => {
      appended = [];
      updated = [];
      store.getState().clearExchanges();
      store.getState().dropDetails();
    }),
    bridge.on('status.changed', (status) => store.getState().setStatus(status)),
    bridge.on('settings.changed', (settings) => store.getState().setSettings(settings)),
    bridge.on('tunnel.changed', (tunnel) => store.getState().setTunnel(tunnel)),
    bridge.on('okta.changed', (okta) => store.getState().setOkta(okta)),
    bridge.onConnection((connected) => {
      store.getState().setConnected(connected);
      if (connected) void resync();
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
