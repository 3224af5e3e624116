import { whyOktaCannotCall } from '../../../../shared/okta/callable-url';
import { revealHookSecret } from '../../store/commands';
import { selectSettings, selectStatus, selectTunnel } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { CopyButton } from '../../ui/copy-button';
import { tryCommands } from './try-commands';

/** Commands from a terminal, shown with the secret masked and copied with it in clear. */
function TryIt({ hookUrl }: { hookUrl: string }) {
  const settings = useAppStore(selectSettings);
  const { bridge } = useEngine();
  const configured = settings?.secret.configured ?? false;
  const shown = tryCommands(hookUrl, settings, configured ? (settings?.secret.masked ?? '') : null);
  const inClear = async () =>
    tryCommands(hookUrl, settings, configured ? await revealHookSecret(bridge) : null);
  return (
    <>
      <p className="muted">Try it from a terminal: the verification challenge, then a delivery.</p>
      <div className="empty__field">
        <code className="empty__command" data-testid="try-verify">
          {shown.verify}
        </code>
        <CopyButton value={async () => (await inClear()).verify} testId="copy-try-verify" />
      </div>
      <div className="empty__field">
        <code className="empty__command" data-testid="try-deliver">
          {shown.deliver}
        </code>
        <CopyButton value={async () => (await inClear()).deliver} testId="copy-try-deliver" />
      </div>
    </>
  );
}

/** Okta's URL: the tunnel's, once it is one Okta can call; until then, where to get one. */
function PublicUrl() {
  const tunnel = useAppStore(selectTunnel);
  if (tunnel?.state === 'online' && whyOktaCannotCall(tunnel.hookUrl) === null) {
    return (
      <>
        <p>
          For Okta, paste the public URL into <strong>Okta → Workflow → Event Hooks</strong>:
        </p>
        <div className="empty__field">
          <code data-testid="empty-public-url">{tunnel.hookUrl}</code>
          <CopyButton value={tunnel.hookUrl} testId="copy-empty-public-url" />
        </div>
      </>
    );
  }
  return (
    <p className="empty__public" data-testid="empty-public">
      Okta calls only public https:// URLs, never this machine&apos;s: get one in the{' '}
      <strong>Public URL bar above</strong> (ngrok, or your own tunnel under Manual), then paste it into{' '}
      <strong>Okta → Workflow → Event Hooks</strong>.
    </p>
  );
}

/** What to do before anything has arrived: where Okta (or curl) should send requests. */
export function EmptyState() {
  const status = useAppStore(selectStatus);
  const { store } = useEngine();
  const hookUrl = status?.receiver.hookUrl;
  if (!hookUrl) {
    return (
      <div className="empty" data-testid="empty-state">
        <h2>The receiver is not running</h2>
        <p>{status?.receiver.error ?? 'Starting…'}</p>
      </div>
    );
  }
  return (
    <div className="empty" data-testid="empty-state">
      <h2>Waiting for Okta</h2>
      <div className="empty__intro">
        <p>Requests to the receiver appear here as they arrive.</p>
        <button
          type="button"
          className="button button--small"
          onClick={() => store.getState().openDialog('sample')}
          data-testid="empty-send-sample"
        >
          Send a test delivery…
        </button>
      </div>
      <PublicUrl />
      <p className="muted" data-testid="empty-local">
        The receiver on this machine, for curl and your own tests:
      </p>
      <div className="empty__field">
        <code data-testid="empty-hook-url">{hookUrl}</code>
        <CopyButton value={hookUrl} testId="copy-hook-url" />
      </div>
      <TryIt hookUrl={hookUrl} />
    </div>
  );
}
