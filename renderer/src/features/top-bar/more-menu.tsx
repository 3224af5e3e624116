import type { Bridge } from '../../bridge/bridge';
import { clearAll } from '../../store/commands';
import { askConfirm } from '../../store/confirm';
import type { AppStore } from '../../store/create-app-store';
import { selectTheme } from '../../store/selectors';
import type { ThemeChoice } from '../../store/slices/ui-slice';
import { useAppStore, useEngine } from '../../store/store-context';
import { MenuButton } from '../../ui/menu-button';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'dark', dark: 'light', light: 'system' };
const THEME_LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  dark: 'Theme: dark',
  light: 'Theme: light',
};

async function confirmClear(store: AppStore, bridge: Bridge) {
  const ok = await askConfirm(store, {
    title: 'Clear the history?',
    message: 'Delete every captured request that is not pinned?',
    confirmLabel: 'Delete',
  });
  if (ok) await clearAll(store, bridge);
}

/** The top bar's secondary actions, in a menu so the bar fits a 1024 px window. */
export function MoreMenu() {
  const theme = useAppStore(selectTheme);
  const { store, bridge } = useEngine();
  return (
    <MenuButton label="More" testId="more-actions" panelLabel="More actions">
      {(close) => (
        <>
          <button
            type="button"
            className="button"
            onClick={() => {
              close();
              store.getState().openDialog('sample');
            }}
            data-testid="open-samples"
          >
            Send test delivery…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              close();
              store.getState().openDialog('filters');
            }}
            data-testid="open-filters"
          >
            Event hook filters…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              close();
              store.getState().openDialog('shortcuts');
            }}
            data-testid="open-shortcuts"
          >
            Keyboard shortcuts <kbd>?</kbd>
          </button>
          {/* Stays open: the theme changes under it, and the next click goes on. */}
          <button
            type="button"
            className="button"
            onClick={() => store.getState().setTheme(NEXT_THEME[theme])}
            data-testid="theme-toggle"
          >
            {THEME_LABEL[theme]}
          </button>
          <hr className="menu__separator" />
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              close();
              void confirmClear(store, bridge);
            }}
            data-testid="clear-all"
          >
            Clear the history…
          </button>
        </>
      )}
    </MenuButton>
  );
}
