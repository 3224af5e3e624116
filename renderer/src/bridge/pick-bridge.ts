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
 * In a browser the headless API token arrives in the URL fragment (never sent to a server): it
 * is kept for this tab and removed from the address bar.
 */
function takeTokenFromFragment(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return token;
}

/**
 * Pasting an Inspector link into a tab already on it changes only the fragment, and the page
 * does not reload: the new token is taken here.
 */
export function onNewToken(listener: (token: string) => void): () => void {
  const onHash = () => {
    const token = takeTokenFromFragment();
    if (token) listener(token);
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}

/** The desktop app has `window.inspector`; a browser needs a token (null until it has one). */
export function pickBridge(): Bridge | null {
  if (window.inspector) return createElectronBridge(window.inspector);
  const token = takeTokenFromFragment() ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const bridge = createHttpBridge(token);
  onNewToken((next) => bridge.setToken(next));
  return bridge;
}
