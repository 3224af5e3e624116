import { useCallback, useEffect, useRef } from 'react';
import { CompareBanner } from './features/compare/compare-banner';
import { CompareView } from './features/compare/compare-view';
import { DetailPane } from './features/detail/detail-pane';
import { ExchangeList } from './features/exchanges/exchange-list';
import { ShortcutSheet } from './features/keyboard/shortcut-sheet';
import { useShortcuts } from './features/keyboard/use-shortcuts';
import { FiltersDialog } from './features/filters/filters-dialog';
import { BreakpointDialog } from './features/inline/breakpoint-dialog';
import { InlinePanel } from './features/inline/inline-panel';
import { InlineSync } from './features/inline/inline-sync';
import { OktaPanel } from './features/okta/okta-panel';
import { SearchBar } from './features/search/search-bar';
import { SettingsDialog } from './features/settings/settings-dialog';
import { TimelineStrip } from './features/timeline/timeline-strip';
import { TopBar } from './features/top-bar/top-bar';
import { ExportDialog } from './features/transfer/export-dialog';
import { JobsBar } from './features/transfer/jobs-bar';
import { TransferButtons } from './features/transfer/transfer-buttons';
import { TunnelBar } from './features/tunnel-bar/tunnel-bar';
import { ReplayHost } from './features/replay/replay-host';
import { SampleDialog } from './features/samples/sample-dialog';
import {
  selectConnected,
  selectDetailHidden,
  selectListFraction,
  selectLoaded,
  selectTheme,
} from './store/selectors';
import { useAppStore, useEngine } from './store/store-context';
import { ConfirmDialog } from './ui/confirm-dialog';
import { PaneBoundary } from './ui/pane-boundary';
import { SplitPane } from './ui/split-pane';
import { Toast } from './ui/toast';

/** Applies the theme choice; "system" follows prefers-color-scheme, also when it changes. */
function useTheme() {
  const theme = useAppStore(selectTheme);
  useEffect(() => {
    const systemLight = window.matchMedia('(prefers-color-scheme: light)');
    const apply = () => {
      const light = theme === 'light' || (theme === 'system' && systemLight.matches);
      document.documentElement.dataset.theme = light ? 'light' : 'dark';
    };
    apply();
    systemLight.addEventListener('change', apply);
    return () => systemLight.removeEventListener('change', apply);
  }, [theme]);
}

export function App() {
  const fraction = useAppStore(selectListFraction);
  const loaded = useAppStore(selectLoaded);
  const connected = useAppStore(selectConnected);
  const detailHidden = useAppStore(selectDetailHidden);
  const { store } = useEngine();
  const search = useRef<HTMLInputElement>(null);
  const focusSearch = useCallback(() => search.current?.focus(), []);
  const shortcuts = useShortcuts(focusSearch);
  useTheme();
  const list = (
    <PaneBoundary what="The list">
      <ExchangeList />
    </PaneBoundary>
  );
  return (
    <div className="app" data-app-state={loaded && connected ? 'ready' : 'loading'} data-testid="app">
      <TopBar />
      <TunnelBar />
      <CompareBanner />
      <div className="history-bar">
        <SearchBar inputRef={search} />
        <TransferButtons />
      </div>
      <PaneBoundary what="The timeline">
        <TimelineStrip />
      </PaneBoundary>
      <main className="app__main">
        {detailHidden ? (
          list
        ) : (
          <SplitPane
            fraction={fraction}
            onFraction={(f) => store.getState().setListFraction(f)}
            left={list}
            right={
              <PaneBoundary what="The detail pane">
                <DetailPane />
              </PaneBoundary>
            }
          />
        )}
      </main>
      <footer className="app__foot">
        <Toast />
        <JobsBar />
      </footer>
      <SettingsDialog />
      <OktaPanel />
      <InlineSync />
      <PaneBoundary what="Inline hooks">
        <InlinePanel />
        <BreakpointDialog />
      </PaneBoundary>
      <PaneBoundary what="The comparison">
        <CompareView />
      </PaneBoundary>
      <ExportDialog />
      <SampleDialog />
      <FiltersDialog />
      <ReplayHost />
      <ShortcutSheet shortcuts={shortcuts} />
      {/* Last: it opens over any other dialog. */}
      <ConfirmDialog />
    </div>
  );
}
