import { useState, type FormEvent } from 'react';
import { checkOrgDomain } from '../../../../shared/okta/org-domain';
import { connectOrg } from '../../store/okta-commands';
import { useEngine } from '../../store/store-context';

/** Domain and API token; checked against Okta before anything is kept. */
export function ConnectForm({ baseUrlOverride }: { baseUrlOverride: string | null }) {
  const { store, bridge } = useEngine();
  const [domain, setDomain] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checked = domain.trim() === '' ? null : checkOrgDomain(domain);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await connectOrg(store, bridge, domain, token);
    setBusy(false);
    if (result.ok) setToken('');
    else setError(result.error.message);
  };
  return (
    <form className="okta-connect" onSubmit={(event) => void submit(event)} data-testid="okta-connect">
      <label className="field">
        <span>Okta domain</span>
        <input
          value={domain}
          placeholder="dev-123456.okta.com"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setDomain(e.target.value)}
          data-testid="okta-domain"
        />
        {checked && (
          <small className={checked.ok ? undefined : 'form-error--inline'} data-testid="okta-domain-check">
            {checked.ok ? (checked.note ?? `API at ${checked.url}`) : checked.message}
          </small>
        )}
      </label>
      <label className="field">
        <span>API token</span>
        <input
          type="password"
          value={token}
          autoComplete="off"
          placeholder="00…"
          onChange={(e) => setToken(e.target.value)}
          data-testid="okta-token"
        />
      </label>
      <ul className="okta-help muted">
        <li>
          Create one in Admin Console → Security → API → Tokens. It acts with its creator&apos;s admin rights.
        </li>
        <li>
          Managing event hooks needs <code>okta.eventHooks.manage</code>: a super admin, or a custom admin
          role with the event hooks permission. Reading the token&apos;s expiry needs{' '}
          <code>okta.apiTokens.read</code>.
        </li>
        <li>
          Tokens lapse 30 days after their last use. The token stays encrypted on this computer and is never
          shown again.
        </li>
        {baseUrlOverride && (
          <li data-testid="okta-override">
            API calls go to <code>{baseUrlOverride}</code> (an Okta emulator), not to the domain.
          </li>
        )}
      </ul>
      {error && (
        <p className="form-error" role="alert" data-testid="okta-connect-error">
          {error}
        </p>
      )}
      <div className="modal__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || checked?.ok !== true || token.trim() === ''}
          data-testid="okta-connect-submit"
        >
          {busy ? 'Checking with Okta…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
