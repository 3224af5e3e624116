import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * The renderer shows payloads that arrive from the internet, so it runs with every Electron
 * hardening on: no Node, isolated and sandboxed preload, web security, no webviews.
 */
export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Okta Hook Inspector',
    backgroundColor: '#16181d',
    webPreferences: webPreferences(preloadPath),
  };
}

/** Navigation away from the app is never allowed inside the window. */
export const allowNavigation = (url: string): boolean => isAppUrl(url);

/** Links the user clicks open in the system browser, and only if they are https. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The app needs one browser permission: writing to the clipboard (its Copy buttons). Camera,
 * notifications, clipboard reading and the rest are refused.
 */
export const allowPermission = (permission: string): boolean => permission === 'clipboard-sanitized-write';

/** IPC is answered only for the app's own main frame. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}
