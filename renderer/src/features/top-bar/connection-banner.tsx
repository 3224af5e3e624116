import { selectConnected, selectLoaded, selectRefused } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';

/**
 * Why the engine cannot be reached, and what to do. Refused: it runs, but with another API
 * token than this tab's (another `--token`, or another data folder). Lost: it stopped; the tab
 * reconnects on its own once it runs again.
 */
export function ConnectionBanner() {
  const connected = useAppStore(selectConnected);
  const refused = useAppStore(selectRefused);
  const loaded = useAppStore(selectLoaded);
  const { bridge } = useEngine();
  if (connected || bridge.kind !== 'http') return null;
  if (refused) {
    return (
      <div className="banner banner--error" role="alert" data-testid="access-refused">
        The engine refuses this tab&apos;s access token: it was started with another one (another{' '}
        <code>--token</code> or data folder). Open the <strong>Inspector:</strong> link it printed; pasting it
        into this tab is enough.
      </div>
    );
  }
  // Before the first connection there is nothing to explain yet.
  if (!loaded) return null;
  return (
    <div className="banner banner--warn" role="status" data-testid="connection-lost">
      <p>
        The engine stopped or is restarting: this tab reconnects on its own once it runs again (
        <code>npm run headless</code>).
      </p>
    </div>
  );
}
