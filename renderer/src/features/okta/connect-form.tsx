import { useState, type FormEvent } from 'react';
import type { CommandInput } from '../../../../shared/contract/commands';
import type { PendingKey } from '../../../../shared/model/okta';
import { checkOrgDomain } from '../../../../shared/okta/org-domain';
import { connectOrg } from '../../store/okta-commands';
import { useEngine } from '../../store/store-context';
import { NEW_SERVICE_APP, ServiceAppFields, type ServiceAppDraft } from './service-app-fields';

type Mode = 'service-app' | 'api-token';

const MODES: { mode: Mode; label: string }[] = [
  { mode: 'service-app', label: 'Service app (OAuth 2.0)' },
  { mode: 'api-token', label: 'API token' },
];

function inputOf(
  domain: string,
  mode: Mode,
  token: string,
  app: ServiceAppDraft,
): CommandInput<'okta.connect'> {
  if (mode === 'api-token') return { domain, token };
  const pasted = app.keySource === 'pasted';
  return {
    domain,
    serviceApp: {
      clientId: app.clientId,
      features: app.features,
      ...(pasted ? { privateKey: app.privateKey } : {}),
      ...(pasted && app.keyId.trim() !== '' ? { keyId: app.keyId } : {}),
    },
  };
}

function ready(mode: Mode, token: string, app: ServiceAppDraft, pendingKey: PendingKey | null): boolean {
  if (mode === 'api-token') return token.trim() !== '';
  const key = app.keySource === 'generated' ? pendingKey !== null : app.privateKey.trim() !== '';
  return app.clientId.trim() !== '' && key;
}

function ApiTokenFields({ token, onChange }: { token: string; onChange: (token: string) => void }) {
  return (
    <>
      <label className="field">
        <span>API token</span>
        <input
          type="password"
          value={token}
          autoComplete="off"
          placeholder="00…"
          onChange={(e) => onChange(e.target.value)}
          data-testid="okta-token"
        />
      </label>
      <ul className="okta-help muted">
        <li>
          The quick way: Admin Console → Security → API → Tokens. It acts with every right of the admin who
          made it.
        </li>
        <li>
          Managing event hooks needs <code>okta.eventHooks.manage</code> (a super admin, or a custom role with
          the event hooks permission); reading its expiry needs <code>okta.apiTokens.read</code>. Tokens lapse
          30 days after their last use.
        </li>
      </ul>
    </>
  );
}

function DomainField({ domain, onChange }: { domain: string; onChange: (domain: string) => void }) {
  const checked = domain.trim() === '' ? null : checkOrgDomain(domain);
  return (
    <label className="field">
      <span>Okta domain</span>
      <input
        value={domain}
        placeholder="dev-123456.okta.com"
        autoComplete="off"
        spellCheck="false"
        onChange={(e) => onChange(e.target.value)}
        data-testid="okta-domain"
      />
      {checked && (
        <small className={checked.ok ? undefined : 'form-error--inline'} data-testid="okta-domain-check">
          {checked.ok ? (checked.note ?? `API at ${checked.url}`) : checked.message}
        </small>
      )}
    </label>
  );
}

/** The org's domain, then a service app (least privilege, recommended) or an API token; checked against Okta before anything is kept. */
export function ConnectForm({
  baseUrlOverride,
  pendingKey,
}: {
  baseUrlOverride: string | null;
  pendingKey: PendingKey | null;
}) {
  const { store, bridge } = useEngine();
  const [domain, setDomain] = useState('');
  const [mode, setMode] = useState<Mode>('service-app');
  const [token, setToken] = useState('');
  const [app, setApp] = useState<ServiceAppDraft>(NEW_SERVICE_APP);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checked = domain.trim() === '' ? null : checkOrgDomain(domain);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await connectOrg(store, bridge, inputOf(domain, mode, token, app));
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setToken('');
    setApp(NEW_SERVICE_APP);
  };
  return (
    <form
      className="okta-connect"
      onSubmit={(event) => void submit(event)}
      data-testid="okta-connect"
      data-mode={mode}
    >
      <DomainField domain={domain} onChange={setDomain} />
      <div className="segmented" role="group" aria-label="Sign in with">
        {MODES.map((entry) => (
          <button
            key={entry.mode}
            type="button"
            aria-pressed={mode === entry.mode}
            onClick={() => setMode(entry.mode)}
            data-testid={`okta-mode-${entry.mode}`}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {mode === 'service-app' ? (
        <ServiceAppFields
          draft={app}
          pendingKey={pendingKey}
          onChange={(change) => setApp((draft) => ({ ...draft, ...change }))}
        />
      ) : (
        <ApiTokenFields token={token} onChange={setToken} />
      )}
      {baseUrlOverride && (
        <p className="muted" data-testid="okta-override">
          API calls go to <code>{baseUrlOverride}</code> (an Okta emulator), not to the domain.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="okta-connect-error">
          {error}
        </p>
      )}
      <div className="modal__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || checked?.ok !== true || !ready(mode, token, app, pendingKey)}
          data-testid="okta-connect-submit"
        >
          {busy ? 'Checking with Okta…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
