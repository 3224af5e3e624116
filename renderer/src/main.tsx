import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './app';
import type { Bridge } from './bridge/bridge';
import { onNewToken, pickBridge } from './bridge/pick-bridge';
import { createAppStore } from './store/create-app-store';
import { AppProvider } from './store/store-context';
import { connectStore } from './store/sync';
import { connectTimeline } from './store/timeline-sync';
import { loadPreferences, savePreferences } from './store/ui-preferences';
import { PaneBoundary } from './ui/pane-boundary';
import './styles/index.css';

function renderApp(root: Root, bridge: Bridge) {
  const store = createAppStore(loadPreferences(localStorage));
  savePreferences(store, localStorage);
  connectStore(store, bridge);
  connectTimeline(store, bridge);
  root.render(
    <StrictMode>
      <AppProvider store={store} bridge={bridge}>
        {/* The last resort: a sentence instead of an empty window. */}
        <PaneBoundary what="The inspector">
          <App />
        </PaneBoundary>
      </AppProvider>
    </StrictMode>,
  );
}

/** Opened without a token: say where the link is, and start once one is pasted into this tab. */
function awaitToken(root: Root) {
  root.render(
    <div className="missing-token" data-testid="missing-token">
      <h1>Okta Hook Inspector</h1>
      <p>
        Open the <strong>Inspector:</strong> link printed by <code>npm run headless</code>: it carries the
        access token this page needs.
      </p>
    </div>,
  );
  const stop = onNewToken(() => {
    stop();
    start(root);
  });
}

function start(root: Root) {
  const bridge = pickBridge();
  if (bridge) renderApp(root, bridge);
  else awaitToken(root);
}

start(createRoot(document.getElementById('root') as HTMLElement));
