import { useState } from 'react';
import type { SettingsView } from '../../../../shared/model/settings';
import type { TunnelStatus } from '../../../../shared/model/tunnel';
import { saveSettings, startTunnel } from '../../store/commands';
import { selectSettings, selectTunnel } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { OktaHelper } from './okta-helper';
import { ProviderSwitch } from './provider-switch';
import { TunnelActions } from './tunnel-actions';
import { STATE_LABEL, TunnelSummary } from './tunnel-summary';

/**
 * The public URL, always in view: where it comes from, whether it is live, and what to paste
 * into Okta. A URL is shown only while the tunnel is online.
 */
export function TunnelBar() {
  const tunnel = useAppStore(selectTunnel);
  const settings = useAppStore(selectSettings);
  if (!tunnel || !settings) return null;
  // Remount the form when the saved URL changes elsewhere (Settings, another window).
  return <TunnelBarView key={settings.publicUrl ?? ''} tunnel={tunnel} settings={settings} />;
}

function TunnelBarView({ tunnel, settings }: { tunnel: TunnelStatus; settings: SettingsView }) {
  const { store, bridge } = useEngine();
  const [draftUrl, setDraftUrl] = useState(settings.publicUrl ?? '');
  const [formError, setFormError] = useState<string | null>(null);
  const editing =
    settings.tunnelProvider === 'manual' && (tunnel.state === 'off' || tunnel.state === 'error');

  /** For a manual tunnel, save the URL being edited first: Start means "use this URL". */
  const start = async (restart: boolean) => {
    const url = draftUrl.trim();
    if (editing && url !== (settings.publicUrl ?? '')) {
      const saved = await saveSettings(store, bridge, { publicUrl: url === '' ? null : url });
      setFormError(
        saved.ok ? null : 'Enter an http(s) URL without query or fragment, e.g. https://x.trycloudflare.com',
      );
      if (!saved.ok) return;
    }
    await startTunnel(store, bridge, restart);
  };

  return (
    <section
      className={`tunnel tunnel--${tunnel.state}`}
      aria-label="Public URL"
      data-testid="tunnel-bar"
      data-tunnel-state={tunnel.state}
      data-tunnel-provider={tunnel.provider}
    >
      <form
        className="tunnel__row"
        onSubmit={(event) => {
          event.preventDefault();
          void start(tunnel.state === 'error');
        }}
      >
        <span className="tunnel__title">Public URL</span>
        <ProviderSwitch provider={settings.tunnelProvider} />
        {editing ? (
          <ManualUrlField value={draftUrl} onChange={setDraftUrl} tunnel={tunnel} />
        ) : (
          <TunnelSummary tunnel={tunnel} settings={settings} />
        )}
        <div className="tunnel__actions">
          <TunnelActions tunnel={tunnel} start={(restart) => void start(restart)} />
        </div>
      </form>
      {editing && <ManualProblem formError={formError} tunnel={tunnel} />}
      {tunnel.state === 'online' && <OktaHelper settings={settings} hookUrl={tunnel.hookUrl} />}
    </section>
  );
}

/** Under the URL being edited: why it was refused, or why the tunnel through it failed. */
function ManualProblem({ formError, tunnel }: { formError: string | null; tunnel: TunnelStatus }) {
  const message = formError ?? (tunnel.state === 'error' ? tunnel.message : null);
  if (message === null) return null;
  return (
    <p className="tunnel__message tunnel__message--error" role="alert" data-testid="tunnel-message">
      {message}
    </p>
  );
}

function ManualUrlField(props: { value: string; onChange: (value: string) => void; tunnel: TunnelStatus }) {
  return (
    <span className={`tunnel__summary tunnel__state--${props.tunnel.state}`}>
      <span className="tunnel__dot" aria-hidden="true" />
      <span className="tunnel__label">{STATE_LABEL[props.tunnel.state]}</span>
      <input
        className="tunnel__input"
        type="url"
        placeholder="https://your-tunnel.example: your tunnel's URL, pointed at the receiver"
        aria-label="Your tunnel's public URL"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        spellCheck="false"
        data-testid="manual-url-input"
      />
    </span>
  );
}
