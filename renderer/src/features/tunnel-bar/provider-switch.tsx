import type { TunnelProviderName } from '../../../../shared/model/tunnel';
import { saveSettings } from '../../store/commands';
import { useEngine } from '../../store/store-context';

const LABELS: Record<TunnelProviderName, { text: string; title: string }> = {
  ngrok: { text: 'ngrok', title: 'A public https URL from ngrok (needs a free ngrok account)' },
  manual: {
    text: 'Manual',
    title: 'Your own tunnel (cloudflared, a reverse proxy …) pointed at the receiver',
  },
  none: { text: 'Local only', title: 'No public URL: only this machine can reach the receiver' },
};

/** Where the public URL comes from; switching moves a running tunnel to the new provider. */
export function ProviderSwitch(props: { provider: TunnelProviderName }) {
  const { store, bridge } = useEngine();
  return (
    <div className="segmented" role="group" aria-label="Tunnel provider">
      {(Object.keys(LABELS) as TunnelProviderName[]).map((name) => (
        <button
          key={name}
          type="button"
          aria-pressed={props.provider === name}
          title={LABELS[name].title}
          onClick={() => void saveSettings(store, bridge, { tunnelProvider: name })}
          data-testid={`tunnel-provider-${name}`}
        >
          {LABELS[name].text}
        </button>
      ))}
    </div>
  );
}
