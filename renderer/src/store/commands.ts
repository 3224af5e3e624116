import type { CommandOutput } from '../../../shared/contract/commands';
import type { SettingsPatch } from '../../../shared/contract/schemas';
import type { Result } from '../../../shared/model/result';
import type { SettingsView } from '../../../shared/model/settings';
import type { Bridge } from '../bridge/bridge';
import type { AppState, AppStore } from './create-app-store';
import { formatCount } from '../ui/format';

/**
 * Actions with side effects live here, outside the store: they call the engine through the
 * bridge and record what came back with the store's plain setters.
 */

/** While comparing, the next exchange opened is the other side of the comparison. */
const completesComparison = (state: AppState, id: string) =>
  state.compare?.b === null && state.compare.a !== id;

/** Show an exchange picked in the list (the caller has updated the pick). */
export async function openExchange(store: AppStore, bridge: Bridge, id: string): Promise<void> {
  const state = store.getState();
  if (state.compare && completesComparison(state, id)) {
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
 * Show an exchange opened from outside the list (a link, a replay, the Okta panel). The pick
 * follows it: `p`, Delete and `r` then act on what the detail pane shows, never on a row picked
 * before, which the pane no longer shows.
 */
export async function showExchange(store: AppStore, bridge: Bridge, id: string): Promise<void> {
  if (!completesComparison(store.getState(), id)) store.getState().follow(id);
  await openExchange(store, bridge, id);
}

/** Ids of the rows at positions `from` to `to` (inclusive), from those held or from the engine. */
async function idsBetween(
  store: AppStore,
  bridge: Bridge,
  from: number,
  to: number,
): Promise<string[] | null> {
  const { window, windowStart, query } = store.getState();
  if (from >= windowStart && to < windowStart + window.length) {
    return window.slice(from - windowStart, to - windowStart + 1);
  }
  const ids: string[] = [];
  for (let offset = from; offset <= to; offset += RANGE_PAGE) {
    const limit = Math.min(RANGE_PAGE, to - offset + 1);
    const result = await bridge.invoke('exchanges.list', { offset, limit, query });
    if (!result.ok) {
      store.getState().setError(result.error.message);
      return null;
    }
    ids.push(...result.value.items.map((item) => item.id));
  }
  return ids;
}

/** Rows read per request for a range, and the most one range picks (a bulk action's limit). */
const RANGE_PAGE = 5000;
const MAX_RANGE = 100_000;

/** Shift-click or shift-move: everything between the anchor and the row at `position`. */
export async function pickRange(store: AppStore, bridge: Bridge, position: number): Promise<void> {
  const anchor = store.getState().anchorPosition();
  const [from, to] =
    anchor === null ? [position, position] : [Math.min(anchor, position), Math.max(anchor, position)];
  if (to - from + 1 > MAX_RANGE) {
    store.getState().setError(`A range picks at most ${formatCount(MAX_RANGE)} exchanges; use Select all.`);
    return;
  }
  const ids = await idsBetween(store, bridge, from, to);
  if (ids) store.getState().pickIds(ids);
}

/** The id at a position: held, or read from the engine (the window moves there). */
async function idAt(store: AppStore, bridge: Bridge, position: number): Promise<string | null> {
  const [id] = (await idsBetween(store, bridge, position, position)) ?? [];
  return id ?? null;
}

/** Keyboard moves wait for the one before: each starts from where the last one landed. */
const moves = new WeakMap<AppStore, Promise<void>>();

/**
 * Move the cursor by `delta` rows in the list's order (newest first) and show that exchange;
 * with `extend` (shift) the picked range grows from its anchor instead of starting over. From
 * no cursor (or one no longer listed), the first move lands on the first row in view.
 */
export function moveCursor(store: AppStore, bridge: Bridge, delta: number, extend = false): Promise<void> {
  const next = (moves.get(store) ?? Promise.resolve()).then(() => move(store, bridge, delta, extend));
  moves.set(
    store,
    next.catch(() => undefined),
  );
  return next;
}

async function move(store: AppStore, bridge: Bridge, delta: number, extend: boolean): Promise<void> {
  const state = store.getState();
  if (state.total === 0) return;
  const current = state.cursorId === null ? null : state.positionOf(state.cursorId);
  const target =
    current === null ? state.wanted.first : Math.min(state.total - 1, Math.max(0, current + delta));
  const id = await idAt(store, bridge, target);
  if (id === null) return;
  store.getState().reveal(target);
  if (extend) await pickRange(store, bridge, target);
  else store.getState().pickOnly(id, target);
  await openExchange(store, bridge, id);
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

/**
 * Send a sample delivery through the receiver (with `filter`, only what that saved filter
 * lets through) and open it once it is stored.
 */
export async function sendSample(
  store: AppStore,
  bridge: Bridge,
  eventTypes: string[],
  filter?: string,
): Promise<Result<CommandOutput<'samples.send'>>> {
  const result = await bridge.invoke('samples.send', { eventTypes, ...(filter ? { filter } : {}) });
  if (result.ok) await showExchange(store, bridge, result.value.exchangeId);
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
