import { useCallback, useEffect, useRef } from 'react';
import { CompareBanner } from './features/compare/compare-banner';
import { CompareView } from './features/compare/compare-view';
import { DetailPane } from './features/detail/detail-pane';
import { ExchangeList } from './features/exchanges/exchange-list';
import { ShortcutSheet } from './features/keyboard/shortcut-sheet';
import { useShortcuts } from './features/keyboard/use-shortcuts';
import { OktaPanel } from './features/okta/okta-panel';
import { SearchBar } from './features/search/search-bar';
import { SettingsDialog } from './features/settings/settings-dialog';
import { TimelineStrip } from './features/timeline/timeline-strip';
import { TopBar } from './features/top-bar/top-bar';
import { ExportDialog } from './features/transfer/export-dialog';
import { JobsTray } from './features/transfer/jobs-tray';
import { TransferButtons } from './features/transfer/transfer-buttons';
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
  const search = useRef<HTMLInputElement>(null);
  const focusSearch = useCallback(() => search.current?.focus(), []);
  const shortcuts = useShortcuts(focusSearch);
  useTheme();
  return (
    <div className="app" data-app-state={loaded && connected ? 'ready' : 'loading'} data-testid="app">
      <TopBar />
      <TunnelBar />
      <CompareBanner />
      <div className="history-bar">
        <SearchBar inputRef={search} />
        <TransferButtons />
      </div>
      <TimelineStrip />
      <main className="app__main">
        <SplitPane
          fraction={fraction}
          onFraction={(f) => store.getState().setListFraction(f)}
          left={<ExchangeList />}
          right={<DetailPane />}
        />
      </main>
      <JobsTray />
      <SettingsDialog />
      <OktaPanel />
      <CompareView />
      <ExportDialog />
      <ShortcutSheet shortcuts={shortcuts} />
    </div>
  );
}
