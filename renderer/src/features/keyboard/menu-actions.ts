import type { MenuAction } from '../../../../shared/contract/menu-actions';
import type { Bridge } from '../../bridge/bridge';
import { startImport } from '../../store/bulk-commands';
import type { AppStore } from '../../store/create-app-store';

export interface MenuContext {
  store: AppStore;
  bridge: Bridge;
  focusSearch: () => void;
}

/**
 * What each native menu item does in the UI: the same as its button or key. Only the desktop
 * app has the menu, and there the engine shows the open dialog for an import.
 */
export function runMenuAction(action: MenuAction, { store, bridge, focusSearch }: MenuContext): void {
  const state = store.getState();
  switch (action) {
    case 'export':
      return state.openDialog('export');
    case 'import':
      return void startImport(store, bridge, null);
    case 'send-sample':
      return state.openDialog('sample');
    case 'settings':
      return state.openDialog('settings');
    case 'shortcuts':
      return state.openDialog('shortcuts');
    case 'search':
      return focusSearch();
    case 'toggle-detail':
      return state.toggleDetail();
    case 'theme-light':
      return state.setTheme('light');
    case 'theme-dark':
      return state.setTheme('dark');
    case 'theme-system':
      return state.setTheme('system');
  }
}
