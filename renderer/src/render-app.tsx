import { StrictMode, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './app';
import type { Bridge } from './bridge/bridge';
import type { AppStore } from './store/create-app-store';
import { AppProvider } from './store/store-context';
import { afterPaint } from './ui/after-paint';
import { PaneBoundary } from './ui/pane-boundary';

let root: Root | null = null;
/** One root for the page: the missing-token sentence is replaced by the app once a token comes. */
const pageRoot = () => (root ??= createRoot(document.getElementById('root') as HTMLElement));

/** Calls `then` once the frame with its first render is painted (a hidden tab: soon after). */
function Painted({ then }: { then: () => void }) {
  useEffect(() => afterPaint(then), [then]);
  return null;
}

/** Resolves once the app's first render is on screen. */
export function renderApp(store: AppStore, bridge: Bridge): Promise<void> {
  return new Promise((resolve) =>
    pageRoot().render(
      <StrictMode>
        <AppProvider store={store} bridge={bridge}>
          {/* The last resort: a sentence instead of an empty window. */}
          <PaneBoundary what="The inspector">
            <App />
          </PaneBoundary>
        </AppProvider>
        <Painted then={resolve} />
      </StrictMode>,
    ),
  );
}

export function renderMissingToken() {
  pageRoot().render(
    <div className="missing-token" data-testid="missing-token">
      <h1>Okta Hook Inspector</h1>
      <p>
        Open the <strong>Inspector:</strong> link printed by <code>npm run headless</code>: it carries the
        access token this page needs.
      </p>
    </div>,
  );
}
