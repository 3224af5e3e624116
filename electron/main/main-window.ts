import { BrowserWindow, screen } from 'electron';
import type { Core } from '../core';
import { APP_ENTRY } from './app-protocol';
import { forwardPushes } from './ipc';
import { windowOptions } from './window-security';
import { restoreBounds, type WindowStateFile } from './window-state';

/** Saving on every pixel of a drag is wasteful; the last position within this window wins. */
const SAVE_DELAY_MS = 400;

/** The one app window, placed where the user left it, with the engine's pushes wired in. */
export async function openMainWindow(
  engine: Core,
  preload: string,
  stateFile: WindowStateFile,
): Promise<BrowserWindow> {
  const options = windowOptions(preload);
  const saved = await stateFile.load();
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = restoreBounds(saved?.bounds, displays, {
    width: options.width ?? 1360,
    height: options.height ?? 860,
  });
  const window = new BrowserWindow({ ...options, ...bounds });
  if (saved?.maximized) window.maximize();
  const stopForwarding = forwardPushes(engine, window.webContents);
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!window.isDestroyed()) {
        void stateFile.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
      }
    }, SAVE_DELAY_MS);
  };
  window.on('resize', save);
  window.on('move', save);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.once('ready-to-show', () => window.show());
  window.on(
    'close',
    () => void stateFile.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }),
  );
  window.on('closed', () => {
    clearTimeout(timer);
    stopForwarding();
  });
  await window.loadURL(APP_ENTRY);
  return window;
}
