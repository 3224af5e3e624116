import type { TunnelStatus } from '../../../../shared/model/tunnel';
import { stopTunnel } from '../../store/commands';
import { useEngine } from '../../store/store-context';

/** Problems the user fixes in Settings: the error offers to open it. */
const FIXED_IN_SETTINGS = new Set(['no-authtoken', 'token-rejected', 'domain-not-allowed', 'domain-in-use']);

function Action(props: { label: string; onClick: () => void; testId: string; primary?: boolean }) {
  return (
    <button
      type="button"
      className={`button button--small${props.primary ? ' button--primary' : ''}`}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.label}
    </button>
  );
}

/** Start / Retry / Cancel / Stop, as the state allows. */
export function TunnelActions(props: { tunnel: TunnelStatus; start: (restart: boolean) => void }) {
  const { store, bridge } = useEngine();
  const { tunnel, start } = props;
  const stop = () => void stopTunnel(store, bridge);
  if (tunnel.provider === 'none') return null;
  switch (tunnel.state) {
    case 'off':
      return <Action label="Start" onClick={() => start(false)} testId="tunnel-start" primary />;
    case 'starting':
      return <Action label="Cancel" onClick={stop} testId="tunnel-stop" />;
    case 'online':
    case 'reconnecting':
      return (
        <>
          <Action
            label={tunnel.state === 'online' ? 'Restart' : 'Retry now'}
            onClick={() => start(true)}
            testId="tunnel-restart"
          />
          <Action label="Stop" onClick={stop} testId="tunnel-stop" />
        </>
      );
    case 'error':
      return (
        <>
          {FIXED_IN_SETTINGS.has(tunnel.code) && (
            <Action
              label="Open Settings"
              onClick={() => store.getState().openDialog('settings')}
              testId="tunnel-open-settings"
            />
          )}
          <Action label="Retry" onClick={() => start(true)} testId="tunnel-start" primary />
        </>
      );
  }
}
