import type { Bridge } from './bridge/bridge';
import { onNewToken, pickBridge } from './bridge/pick-bridge';
import { createAppStore, type AppStore } from './store/create-app-store';
import { connectStore } from './store/sync';
import { connectTimeline } from './store/timeline-sync';
import { loadPreferences, savePreferences } from './store/ui-preferences';
import './styles/index.css';

/** The UI and its runtime (scripts/ui-runtime.ts): a chunk of their own, which the page preloads. */
const loadUi = () => import('./render-app');

/** Resolves when the bridge first says how its connection is (later states resolve nothing more). */
const firstConnectionState = (bridge: Bridge) =>
  new Promise<void>((resolve) => bridge.onConnection(() => resolve()));

/**
 * Resolves once the store holds the list's first page, or once it cannot have it (the push
 * stream dropped or was refused, or the read failed): the first render draws the rows, and
 * there is no second render of the whole UI when they come.
 */
function firstPageOrFailure(store: AppStore, bridge: Bridge): Promise<void> {
  let stops: (() => void)[] = [];
  return new Promise<void>((resolve) => {
    stops = [
      bridge.onConnection((state) => state !== 'connected' && resolve()),
      store.subscribe((state) => (state.loaded || state.lastError !== null) && resolve()),
    ];
  }).finally(() => stops.forEach((stop) => stop()));
}

function startApp(bridge: Bridge) {
  const store = createAppStore(loadPreferences(localStorage));
  savePreferences(store, localStorage);
  // The UI and its runtime are evaluated while the engine reads the first page (the store asks
  // for it at once) and the push stream connects; the first render waits for all three.
  const ui = loadUi();
  connectStore(store, bridge);
  const firstPage = firstPageOrFailure(store, bridge);
  const drawn = Promise.all([ui, firstConnectionState(bridge), firstPage]).then(([ui]) =>
    ui.renderApp(store, bridge),
  );
  connectTimeline(store, bridge, drawn);
}

/** Opened without a token: say where the link is, and start once one is pasted into this tab. */
function start() {
  const bridge = pickBridge();
  if (bridge) return startApp(bridge);
  void loadUi().then((ui) => ui.renderMissingToken());
  const stop = onNewToken(() => {
    stop();
    start();
  });
}

start();
