import type { SettingsView } from '../../../../shared/model/settings';
import type { TunnelProviderName } from '../../../../shared/model/tunnel';
import { selectStatus } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import type { Draft, SetDraft } from './settings-draft';

const PROVIDERS: { name: TunnelProviderName; label: string }[] = [
  { name: 'ngrok', label: 'ngrok' },
  { name: 'manual', label: 'My own tunnel (manual URL)' },
  { name: 'none', label: 'Local only' },
];

const SOURCE: Record<string, string> = {
  environment: 'from NGROK_AUTHTOKEN for this run',
  file: 'from --ngrok-authtoken-file for this run',
  saved: 'saved, encrypted',
};

interface FieldProps {
  draft: Draft;
  set: SetDraft;
  settings: SettingsView;
}

/** The public URL part of Settings: provider, ngrok token and domain, manual URL, auto-start. */
export function TunnelFields(props: FieldProps) {
  const { draft, set } = props;
  return (
    <>
      <h3 className="modal__section">Public URL</h3>
      <fieldset className="field">
        <legend>Tunnel</legend>
        {PROVIDERS.map(({ name, label }) => (
          <label key={name} className="radio">
            <input
              type="radio"
              name="tunnel-provider"
              checked={draft.tunnelProvider === name}
              onChange={() => set('tunnelProvider', name)}
              data-testid={`settings-tunnel-${name}`}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <NgrokFields {...props} />
      <ManualField {...props} />
      <span className="checkbox">
        <input
          type="checkbox"
          id="tunnel-auto-start"
          checked={draft.tunnelAutoStart}
          onChange={(e) => set('tunnelAutoStart', e.target.checked)}
          data-testid="settings-tunnel-auto-start"
        />
        <label htmlFor="tunnel-auto-start">Start the tunnel when the app starts</label>
      </span>
    </>
  );
}

function NgrokFields(props: FieldProps) {
  return (
    <>
      <AuthtokenField {...props} />
      <DomainField {...props} />
    </>
  );
}

function AuthtokenField({ draft, set, settings }: FieldProps) {
  const token = settings.ngrokAuthtoken;
  return (
    <label className="field">
      <span>ngrok authtoken</span>
      <input
        type="password"
        autoComplete="off"
        placeholder={
          token.configured
            ? `${token.masked} (${SOURCE[token.source ?? 'saved']}; type to replace)`
            : 'not set'
        }
        value={draft.newAuthtoken}
        disabled={draft.removeAuthtoken}
        onChange={(e) => set('newAuthtoken', e.target.value)}
        data-testid="settings-ngrok-authtoken"
      />
      {token.configured && token.source === 'saved' && (
        <span className="checkbox">
          <input
            type="checkbox"
            id="remove-authtoken"
            checked={draft.removeAuthtoken}
            onChange={(e) => set('removeAuthtoken', e.target.checked)}
          />
          <label htmlFor="remove-authtoken">Remove the saved authtoken</label>
        </span>
      )}
      <small>
        Copy it from{' '}
        <a href="https://dashboard.ngrok.com/get-started/your-authtoken" target="_blank" rel="noreferrer">
          dashboard.ngrok.com → Your Authtoken
        </a>
        . It is stored encrypted and never shown again.
      </small>
    </label>
  );
}

function DomainField({ draft, set }: FieldProps) {
  return (
    <label className="field">
      <span>ngrok domain (optional)</span>
      <input
        value={draft.ngrokDomain}
        placeholder="your-name.ngrok-free.app"
        onChange={(e) => set('ngrokDomain', e.target.value)}
        spellCheck="false"
        data-testid="settings-ngrok-domain"
      />
      <small>
        Your free static domain keeps the URL in Okta the same across restarts; empty = a random URL.
      </small>
    </label>
  );
}

function ManualField({ draft, set, settings }: FieldProps) {
  const receiver = useAppStore(selectStatus)?.receiver.localUrl ?? `http://127.0.0.1:${settings.port}`;
  return (
    <label className="field">
      <span>Manual public URL</span>
      <input
        value={draft.publicUrl}
        placeholder="https://x.trycloudflare.com"
        onChange={(e) => set('publicUrl', e.target.value)}
        spellCheck="false"
        data-testid="settings-public-url"
      />
      <small>
        Your own tunnel pointed at the receiver, e.g. <code>cloudflared tunnel --url {receiver}</code>
      </small>
    </label>
  );
}
