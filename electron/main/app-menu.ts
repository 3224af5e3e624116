import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/contract/menu-actions';

export const OKTA_EVENT_HOOKS_DOCS = 'https://developer.okta.com/docs/concepts/event-hooks/';

export interface MenuHandlers {
  /** Ask the UI to do something it owns (export dialog, theme, panes …). */
  send: (action: MenuAction) => void;
  openDataFolder: () => void;
  openDocs: () => void;
  about: () => void;
}

/**
 * The UI's single-key shortcuts are shown in the menu but not registered with the system: a
 * menu accelerator would fire while the user types in a field. The UI handles those keys.
 */
const shown = (accelerator: string) => ({ accelerator, registerAccelerator: false });

/** The application menu as data, so it can be checked without Electron. */
export function buildMenuTemplate(
  handlers: MenuHandlers,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => handlers.send('export') },
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => handlers.send('import') },
      { label: 'Send Test Delivery…', accelerator: 'CmdOrCtrl+T', click: () => handlers.send('send-sample') },
      { type: 'separator' },
      { label: 'Open Data Folder', click: handlers.openDataFolder },
      { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => handlers.send('settings') },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Search', ...shown('/'), click: () => handlers.send('search') },
      {
        label: 'Toggle Detail Pane',
        accelerator: 'CmdOrCtrl+\\',
        click: () => handlers.send('toggle-detail'),
      },
      { type: 'separator' },
      { label: 'Light Theme', click: () => handlers.send('theme-light') },
      { label: 'Dark Theme', click: () => handlers.send('theme-dark') },
      { label: 'Follow the System', click: () => handlers.send('theme-system') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Keyboard Shortcuts', ...shown('?'), click: () => handlers.send('shortcuts') },
      { label: 'Okta Event Hooks Documentation', click: handlers.openDocs },
      ...(mac ? [] : [{ label: 'About Okta Hook Inspector', click: handlers.about }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = mac ? [{ role: 'appMenu' }] : [];
  return [...appMenu, file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}
