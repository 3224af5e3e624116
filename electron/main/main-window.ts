import { BrowserWindow, screen } from 'electron';
import type { Core } from '../core';
import type { Logger } from '../core/deps';
import { APP_ENTRY } from './app-protocol';
import { forwardPushes } from './ipc';
import { windowOptions } from './window-security';
import { restoreBounds, type WindowStateFile } from './window-state';

/** Saving on every pixel of a drag is wasteful; the last position within this window wins. */
const SAVE_DELAY_MS = 400;

export interface MainWindowOptions {
  engine: Pick<Core, 'subscribe'>;
  preload: string;
  stateFile: WindowStateFile;
  logger: Logger;
  /** Windows is ending the session (shutdown, log-off): `will-quit` will not come. */
  onSessionEnd: () => void;
}

/** The one app window, placed where the user left it, with the engine's pushes wired in. */
export async function openMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const { stateFile } = options;
  const windowDefaults = windowOptions(options.preload);
  const saved = await stateFile.load();
  const bounds = restoreBounds(
    saved?.bounds,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
    { width: windowDefaults.width ?? 1360, height: windowDefaults.height ?? 860 },
  );
  const window = new BrowserWindow({ ...windowDefaults, ...bounds });
  const stopForwarding = forwardPushes(options.engine, window.webContents);
  const state = () => ({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!window.isDestroyed()) void stateFile.save(state());
    }, SAVE_DELAY_MS);
  };
  window.on('resize', save);
  window.on('move', save);
  window.on('maximize', save);
  window.on('unmaximize', save);
  // Maximising before the first paint shows a window of the wrong size for a moment.
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => void stateFile.save(state()));
  window.on('closed', () => {
    clearTimeout(timer);
    stopForwarding();
  });
  // https://www.electronjs.org/docs/latest/api/browser-window#event-session-end-windows
  window.on('session-end', options.onSessionEnd);
  await window.loadURL(APP_ENTRY);
  return window;
}
