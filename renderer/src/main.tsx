import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { pickBridge } from './bridge/pick-bridge';
import { createAppStore } from './store/create-app-store';
import { AppProvider } from './store/store-context';
import { connectStore } from './store/sync';
import { connectTimeline } from './store/timeline-sync';
import { loadPreferences, savePreferences } from './store/ui-preferences';
import { PaneBoundary } from './ui/pane-boundary';
import './styles/index.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const bridge = pickBridge();

if ('missingToken' in bridge) {
  root.render(
    <div className="missing-token" data-testid="missing-token">
      <h1>Okta Hook Inspector</h1>
      <p>
        Open the <strong>Inspector:</strong> link printed by <code>npm run headless</code>: it carries the
        access token this page needs.
      </p>
    </div>,
  );
} else {
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
