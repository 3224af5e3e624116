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

/**
 * The pages outside the app that its UI links to: ngrok's dashboard (authtoken, agents,
 * domains) and ngrok's error pages named in tunnel messages. The window shows payloads from
 * the internet, so "any https URL" would let a crafted page open whatever it likes.
 */
const LINKED_PAGES: { host: string; path: RegExp }[] = [
  { host: 'dashboard.ngrok.com', path: /^\/[a-z0-9\-/]*$/ },
  { host: 'ngrok.com', path: /^\/docs\/errors\/err_ngrok_\d+$/ },
];

/** Only the links the app itself shows open in the system browser; everything else is refused. */
export function isAppLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '')
    return false;
  if (parsed.search !== '') return false;
  return LINKED_PAGES.some(({ host, path }) => parsed.hostname === host && path.test(parsed.pathname));
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
