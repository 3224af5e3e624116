import { InlineButton } from '../inline/inline-button';
import { clearAll } from '../../store/commands';
import { selectConnected, selectStatus, selectTheme } from '../../store/selectors';
import type { ThemeChoice } from '../../store/slices/ui-slice';
import { useAppStore, useEngine } from '../../store/store-context';
import { CopyButton } from '../../ui/copy-button';
import { OktaButton } from '../okta/okta-button';
import { UrlChangeBanner } from '../okta/url-change-banner';
import { ResponsePolicyMenu } from '../response-policy/response-policy-menu';
import { StorageNotices } from './storage-notices';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'dark', dark: 'light', light: 'system' };
const THEME_LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  dark: 'Theme: dark',
  light: 'Theme: light',
};

function ReceiverState() {
  const status = useAppStore(selectStatus);
  const forwardTarget = useAppStore((state) => state.settings?.forward.target ?? null);
  const connected = useAppStore(selectConnected);
  if (!connected) {
    return (
      <span className="state state--off" data-testid="receiver-state">
        Engine disconnected — reconnecting…
      </span>
    );
  }
  const receiver = status?.receiver;
  if (!receiver?.hookUrl) {
    return (
      <span className="state state--error" data-testid="receiver-state">
        {receiver?.error ?? 'Receiver starting…'}
      </span>
    );
  }
  return (
    <span className="state state--on" data-testid="receiver-state">
      <span className="state__label">Receiving</span>
      <code className="state__url" data-testid="receiver-url">
        {receiver.hookUrl}
      </code>
      <CopyButton value={receiver.hookUrl} testId="copy-receiver-url" title="Copy the local receiver URL" />
      {forwardTarget && (
        <span
          className="state__forward"
          data-testid="forward-target"
          title="Each request goes on to your handler"
        >
          → {forwardTarget}
        </span>
      )}
    </span>
  );
}

export function TopBar() {
  const theme = useAppStore(selectTheme);
  const status = useAppStore(selectStatus);
  const { store, bridge } = useEngine();
  return (
    <>
      <header className="top-bar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Okta Hook Inspector
        </div>
        <ReceiverState />
        <div className="top-bar__actions">
          <OktaButton />
          <InlineButton />
          <button
            type="button"
            className="button"
            onClick={() => store.getState().openDialog('sample')}
            data-testid="open-samples"
          >
            Send test delivery
          </button>
          <ResponsePolicyMenu />
          <button
            type="button"
            className="button"
            onClick={() => {
              if (window.confirm('Delete every captured request that is not pinned?'))
                void clearAll(store, bridge);
            }}
            data-testid="clear-all"
          >
            Clear
          </button>
          <button
            type="button"
            className="button"
            onClick={() => store.getState().setTheme(NEXT_THEME[theme])}
            data-testid="theme-toggle"
          >
            {THEME_LABEL[theme]}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => store.getState().openDialog('settings')}
            data-testid="open-settings"
          >
            Settings
          </button>
        </div>
      </header>
      <UrlChangeBanner />
      {status?.storage.error && (
        <div className="banner banner--error" role="alert" data-testid="storage-error">
          {status.storage.error}
        </div>
      )}
      <StorageNotices />
    </>
  );
}
