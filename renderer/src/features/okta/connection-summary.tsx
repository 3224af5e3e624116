import { useState } from 'react';
import type { OktaState } from '../../../../shared/model/okta';
import { askConfirm } from '../../store/confirm';
import { disconnectOrg, refreshOkta } from '../../store/okta-commands';
import { useEngine } from '../../store/store-context';
import { AuthSummary } from './auth-summary';
import { expiryText, orgTone, shortDomain } from './okta-format';

/** Which org, which token (masked), when it lapses, and what went wrong last. */
export function ConnectionSummary({ okta }: { okta: OktaState }) {
  const { store, bridge } = useEngine();
  const [busy, setBusy] = useState(false);
  const [now] = useState(() => Date.now());
  const { connection } = okta;
  const refresh = async () => {
    setBusy(true);
    await refreshOkta(store, bridge);
    setBusy(false);
  };
  const disconnect = async () => {
    const ok = await askConfirm(store, {
      title: 'Forget this org?',
      message: 'Its API token is deleted from this computer. Hooks in Okta stay as they are.',
      confirmLabel: 'Forget the org',
    });
    if (ok) await disconnectOrg(store, bridge);
  };
  const expiry = connection.tokenExpiry;
  const warn = expiry !== null && expiry.state !== 'unknown' && expiry.warn;
  return (
    <section className="okta-connection" data-testid="okta-connection" data-status={connection.status}>
      <div className="okta-connection__line">
        <span className={`dot dot--${orgTone(okta)}`} aria-hidden="true" />
        <strong>{connection.status === 'failing' ? 'Failing' : 'Connected'}</strong>
        <code>{shortDomain(connection.domain ?? '')}</code>
        <span className="okta-connection__actions">
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => void refresh()}
            data-testid="okta-refresh"
          >
            {busy ? 'Asking Okta…' : 'Refresh'}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void disconnect()}
            data-testid="okta-disconnect"
          >
            Disconnect
          </button>
        </span>
      </div>
      <AuthSummary auth={connection.auth} />
      {expiry && (
        <p className={warn ? 'note note--warn' : 'muted'} data-testid="okta-token-expiry">
          {expiryText(expiry, now)}
        </p>
      )}
      {connection.baseUrlOverride && (
        <p className="muted" data-testid="okta-override">
          API calls go to <code>{connection.baseUrlOverride}</code> (an Okta emulator).
        </p>
      )}
      {connection.problem && (
        <p className="note note--bad" role="alert" data-testid="okta-problem">
          {connection.problem.message}
        </p>
      )}
    </section>
  );
}
