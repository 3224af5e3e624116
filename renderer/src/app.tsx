import { useEffect } from 'react';
import { CompareBanner } from './features/compare/compare-banner';
import { CompareView } from './features/compare/compare-view';
import { DetailPane } from './features/detail/detail-pane';
import { ExchangeList } from './features/exchanges/exchange-list';
import { useListKeyboard } from './features/exchanges/use-list-keyboard';
import { OktaPanel } from './features/okta/okta-panel';
import { SettingsDialog } from './features/settings/settings-dialog';
import { TopBar } from './features/top-bar/top-bar';
import { TunnelBar } from './features/tunnel-bar/tunnel-bar';
import { selectConnected, selectListFraction, selectLoaded, selectTheme } from './store/selectors';
import { useAppStore, useEngine } from './store/store-context';
import { SplitPane } from './ui/split-pane';

/** Applies the theme choice; "system" follows prefers-color-scheme through CSS. */
function useTheme() {
  const theme = useAppStore(selectTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

export function App() {
  const fraction = useAppStore(selectListFraction);
  const loaded = useAppStore(selectLoaded);
  const connected = useAppStore(selectConnected);
  const { store } = useEngine();
  useTheme();
  useListKeyboard();
  return (
    <div className="app" data-app-state={loaded && connected ? 'ready' : 'loading'} data-testid="app">
      <TopBar />
      <TunnelBar />
      <CompareBanner />
      <main className="app__main">
        <SplitPane
          fraction={fraction}
          onFraction={(f) => store.getState().setListFraction(f)}
          left={<ExchangeList />}
          right={<DetailPane />}
        />
      </main>
      <SettingsDialog />
      <OktaPanel />
      <CompareView />
    </div>
  );
}
