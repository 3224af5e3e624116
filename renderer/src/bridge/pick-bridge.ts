import type { InspectorApi } from '../../../shared/contract/inspector-api';
import type { Bridge } from './bridge';
import { createElectronBridge } from './electron-bridge';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Present only in the desktop app (the preload). */
    inspector?: InspectorApi;
  }
}

const TOKEN_KEY = 'inspector-token';

/**
 * The desktop app has `window.inspector`; in a browser the headless API token arrives in the
 * URL fragment (never sent to a server), is kept for this tab, and removed from the address bar.
 */
export function pickBridge(): Bridge | { missingToken: true } {
  if (window.inspector) return createElectronBridge(window.inspector);
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY);
  return token ? createHttpBridge(token) : { missingToken: true };
}
