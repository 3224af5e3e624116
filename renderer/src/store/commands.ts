import type { SettingsPatch } from '../../../shared/contract/schemas';
import type { Result } from '../../../shared/model/result';
import type { SettingsView } from '../../../shared/model/settings';
import type { Bridge } from '../bridge/bridge';
import type { AppStore } from './create-app-store';

/**
 * Actions with side effects live here, outside the store: they call the engine through the
 * bridge and record what came back with the store's plain setters.
 */

export async function openExchange(store: AppStore, bridge: Bridge, id: string): Promise<void> {
  const state = store.getState();
  // While comparing, the next exchange picked is the other side of the comparison.
  if (state.compare?.b === null && state.compare.a !== id) {
    state.setCompare({ a: state.compare.a, b: id });
    return;
  }
  state.select(id);
  const cached = state.details[id];
  if (cached?.state === 'ready' || cached?.state === 'loading') return;
  state.setDetail(id, { state: 'loading' });
  const result = await bridge.invoke('exchanges.get', { id });
  store
    .getState()
    .setDetail(
      id,
      result.ok
        ? { state: 'ready', exchange: result.value }
        : { state: 'error', message: result.error.message },
    );
}

/**
 * Move the cursor by `delta` rows in the list's order (newest first) and show that exchange;
 * with `extend` (shift) the picked range grows from its anchor instead of starting over.
 */
export function moveCursor(store: AppStore, bridge: Bridge, delta: number, extend = false): void {
  const { order, cursorId } = store.getState();
  if (order.length === 0) return;
  const newestFirst = (index: number) => order.length - 1 - index;
  const current =
    cursorId === null || !order.includes(cursorId) ? -1 : newestFirst(order.lastIndexOf(cursorId));
  const next = Math.min(order.length - 1, Math.max(0, current + delta));
  const id = order[newestFirst(next)];
  if (id === undefined) return;
  if (extend) store.getState().pickRange(id);
  else store.getState().pickOnly(id);
  void openExchange(store, bridge, id);
}

/** Stores with an older page on its way, so scrolling does not ask twice. */
const loadingOlder = new WeakSet<AppStore>();

export async function loadOlder(store: AppStore, bridge: Bridge): Promise<void> {
  const cursor = store.getState().olderCursor;
  if (cursor === null || loadingOlder.has(store)) return;
  loadingOlder.add(store);
  try {
    const result = await bridge.invoke('exchanges.list', {
      limit: 1000,
      cursor,
      query: store.getState().query,
    });
    if (result.ok) store.getState().addOlder(result.value);
  } finally {
    loadingOlder.delete(store);
  }
}

export async function saveSettings(
  store: AppStore,
  bridge: Bridge,
  patch: SettingsPatch,
): Promise<Result<SettingsView>> {
  const result = await bridge.invoke('settings.update', patch);
  if (result.ok) store.getState().setSettings(result.value);
  return result;
}

export async function clearAll(store: AppStore, bridge: Bridge): Promise<void> {
  const result = await bridge.invoke('exchanges.clear', {});
  if (!result.ok) store.getState().setError(result.error.message);
}

/** Send a sample delivery through the receiver and open it once it is stored. */
export async function sendSample(
  store: AppStore,
  bridge: Bridge,
  eventTypes: string[],
): Promise<Result<{ exchangeId: string }>> {
  const result = await bridge.invoke('samples.send', { eventTypes });
  if (result.ok) await openExchange(store, bridge, result.value.exchangeId);
  return result;
}

/*
 * The tunnel's state reaches the store only through `tunnel.changed` pushes, in order: a
 * command's answer could overtake a later push and bring back a URL that is no longer live.
 */
export async function startTunnel(store: AppStore, bridge: Bridge, restart = false): Promise<void> {
  const result = await bridge.invoke('tunnel.start', { restart });
  if (!result.ok) store.getState().setError(result.error.message);
}

export async function stopTunnel(store: AppStore, bridge: Bridge): Promise<void> {
  const result = await bridge.invoke('tunnel.stop', {});
  if (!result.ok) store.getState().setError(result.error.message);
}

/**
 * The hook secret in clear, for one explicit "copy": it goes to the clipboard and is never put
 * in the store.
 */
export async function revealHookSecret(bridge: Bridge): Promise<string> {
  const result = await bridge.invoke('settings.revealSecret', { name: 'hookSecret' });
  if (!result.ok) throw new Error(result.error.message);
  if (result.value.value === null) throw new Error('No secret is set.');
  return result.value.value;
}
