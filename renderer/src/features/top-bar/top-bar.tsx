import { InlineButton } from '../inline/inline-button';
import { selectConnected, selectRefused, selectStatus } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { CopyButton } from '../../ui/copy-button';
import { OktaButton } from '../okta/okta-button';
import { UrlChangeBanner } from '../okta/url-change-banner';
import { ResponsePolicyMenu } from '../response-policy/response-policy-menu';
import { ConnectionBanner } from './connection-banner';
import { MoreMenu } from './more-menu';
import { StorageNotices } from './storage-notices';

function ReceiverState() {
  const status = useAppStore(selectStatus);
  const forwardTarget = useAppStore((state) => state.settings?.forward.target ?? null);
  const connected = useAppStore(selectConnected);
  const refused = useAppStore(selectRefused);
  if (!connected) {
    return (
      <span
        className="state state--off"
        data-testid="receiver-state"
        data-connection={refused ? 'refused' : 'lost'}
      >
        {refused ? 'Engine refused this tab' : 'Engine disconnected — reconnecting…'}
      </span>
    );
  }
  const receiver = status?.receiver;
  if (!receiver?.hookUrl) {
    return (
      <span className="state state--error" data-testid="receiver-state" data-connection="connected">
        {receiver?.error ?? 'Receiver starting…'}
      </span>
    );
  }
  return (
    <span className="state state--on" data-testid="receiver-state" data-connection="connected">
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
  const status = useAppStore(selectStatus);
  const { store } = useEngine();
  return (
    <>
      <header className="top-bar">
        <div className="brand" title="Okta Hook Inspector">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">Okta Hook Inspector</span>
        </div>
        <ReceiverState />
        <div className="top-bar__actions">
          <OktaButton />
          <InlineButton />
          <ResponsePolicyMenu />
          <MoreMenu />
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
      <ConnectionBanner />
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
