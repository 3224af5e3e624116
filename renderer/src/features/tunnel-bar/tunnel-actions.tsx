import type { TunnelStatus } from '../../../../shared/model/tunnel';
import { stopTunnel } from '../../store/commands';
import { useEngine } from '../../store/store-context';

/** Problems the user fixes in Settings: the error offers to open it. */
const FIXED_IN_SETTINGS = new Set(['no-authtoken', 'token-rejected', 'domain-not-allowed', 'domain-in-use']);

/** Start / Retry / Cancel / Stop, as the state allows. */
export function TunnelActions(props: { tunnel: TunnelStatus; start: (restart: boolean) => void }) {
  const { store, bridge } = useEngine();
  const { tunnel, start } = props;
  const stop = () => void stopTunnel(store, bridge);
  const button = (label: string, onClick: () => void, testId: string, primary = false) => (
    <button
      type="button"
      className={`button button--small${primary ? ' button--primary' : ''}`}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </button>
  );
  if (tunnel.provider === 'none') return null;
  switch (tunnel.state) {
    case 'off':
      return button('Start', () => start(false), 'tunnel-start', true);
    case 'starting':
      return button('Cancel', stop, 'tunnel-stop');
    case 'online':
      return (
        <>
          {button('Restart', () => start(true), 'tunnel-restart')}
          {button('Stop', stop, 'tunnel-stop')}
        </>
      );
    case 'reconnecting':
      return (
        <>
          {button('Retry now', () => start(true), 'tunnel-restart')}
          {button('Stop', stop, 'tunnel-stop')}
        </>
      );
    case 'error':
      return (
        <>
          {FIXED_IN_SETTINGS.has(tunnel.code) &&
            button('Open Settings', () => store.getState().setSettingsOpen(true), 'tunnel-open-settings')}
          {button('Retry', () => start(true), 'tunnel-start', true)}
        </>
      );
  }
}
