import type { AppStore } from './create-app-store';
import { clampListFraction, type UiPreferences } from './slices/ui-slice';

const KEY = 'inspector-ui';
const THEMES = new Set(['system', 'light', 'dark']);
const TABS = new Set(['events', 'payload', 'raw', 'headers', 'response', 'timing']);

/** Read saved UI choices, ignoring anything malformed. */
export function loadPreferences(storage: Storage): Partial<UiPreferences> {
  let saved: Partial<Record<keyof UiPreferences, unknown>>;
  try {
    saved = JSON.parse(storage.getItem(KEY) ?? '{}') as typeof saved;
  } catch {
    return {};
  }
  const preferences: Partial<UiPreferences> = {};
  if (typeof saved.theme === 'string' && THEMES.has(saved.theme)) {
    preferences.theme = saved.theme as UiPreferences['theme'];
  }
  if (typeof saved.detailTab === 'string' && TABS.has(saved.detailTab)) {
    preferences.detailTab = saved.detailTab as UiPreferences['detailTab'];
  }
  if (typeof saved.listFraction === 'number')
    preferences.listFraction = clampListFraction(saved.listFraction);
  if (typeof saved.detailHidden === 'boolean') preferences.detailHidden = saved.detailHidden;
  return preferences;
}

/** Save UI choices whenever they change. */
export function savePreferences(store: AppStore, storage: Storage): () => void {
  return store.subscribe((state, previous) => {
    if (
      state.theme === previous.theme &&
      state.detailTab === previous.detailTab &&
      state.listFraction === previous.listFraction &&
      state.detailHidden === previous.detailHidden
    ) {
      return;
    }
    const { theme, detailTab, listFraction, detailHidden } = state;
    storage.setItem(KEY, JSON.stringify({ theme, detailTab, listFraction, detailHidden }));
  });
}
