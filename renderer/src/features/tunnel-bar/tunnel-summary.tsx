import type { ReactNode } from 'react';
import type { SettingsView } from '../../../../shared/model/settings';
import type { TunnelReconnecting, TunnelStatus } from '../../../../shared/model/tunnel';
import { whyOktaCannotCall } from '../../../../shared/okta/callable-url';
import { CopyButton } from '../../ui/copy-button';
import { formatDateTime, formatHourMinute } from '../../ui/format';
import { useNow } from './use-now';

export const STATE_LABEL: Record<TunnelStatus['state'], string> = {
  off: 'Off',
  starting: 'Starting',
  online: 'Online',
  reconnecting: 'Reconnecting',
  error: 'Error',
};

const AUTHTOKEN_PAGE = 'https://dashboard.ngrok.com/get-started/your-authtoken';

/** The state in a word and a colour, then what matters now: the URL, progress, or the problem. */
export function TunnelSummary({ tunnel, settings }: { tunnel: TunnelStatus; settings: SettingsView }) {
  const local = tunnel.provider === 'none';
  return (
    <span
      className={`tunnel__summary tunnel__state--${local ? 'local' : tunnel.state}`}
      data-testid="tunnel-state"
    >
      <span className="tunnel__dot" aria-hidden="true" />
      <span className="tunnel__label">{local ? 'Local only' : STATE_LABEL[tunnel.state]}</span>
      {local ? (
        <span className="tunnel__text muted">
          Okta calls only public https URLs: choose ngrok or Manual to get one.
        </span>
      ) : (
        <Detail tunnel={tunnel} settings={settings} />
      )}
    </span>
  );
}

function Detail({ tunnel, settings }: { tunnel: TunnelStatus; settings: SettingsView }) {
  switch (tunnel.state) {
    case 'off':
      return <span className="tunnel__text muted">{offHint(settings)}</span>;
    case 'starting':
      return (
        <span className="tunnel__text muted">
          {tunnel.provider === 'manual'
            ? `Checking that ${settings.publicUrl ?? 'your URL'} reaches the receiver…`
            : 'Connecting to ngrok…'}
        </span>
      );
    case 'online': {
      const callable = whyOktaCannotCall(tunnel.hookUrl) === null;
      return (
        <>
          <code
            className={`tunnel__url${callable ? '' : ' tunnel__url--local'}`}
            title={tunnel.hookUrl}
            data-testid="public-hook-url"
            data-okta-callable={callable}
          >
            {tunnel.hookUrl}
          </code>
          <CopyButton value={tunnel.hookUrl} testId="copy-public-hook-url" title="Copy the public hook URL" />
          <span
            className="tunnel__text muted"
            title={`Online since ${formatDateTime(tunnel.onlineSince)}`}
            data-testid="tunnel-since"
          >
            → {tunnel.forwardsTo.replace('http://', '')} · since {formatHourMinute(tunnel.onlineSince)}
          </span>
        </>
      );
    }
    case 'reconnecting':
      return <Countdown tunnel={tunnel} />;
    case 'error':
      return (
        <span className="tunnel__text tunnel__error" role="alert" data-testid="tunnel-message">
          {linkify(tunnel.message)}
        </span>
      );
  }
}

/** Mounted only while reconnecting, so its clock ticks only then. */
function Countdown({ tunnel }: { tunnel: TunnelReconnecting }) {
  const seconds = Math.max(0, Math.ceil((tunnel.retryAt - useNow()) / 1000));
  return (
    <span className="tunnel__text" data-testid="tunnel-message">
      {seconds > 0 ? `Retry ${tunnel.attempt} in ${seconds} s` : `Retry ${tunnel.attempt} under way`}
      <span className="muted"> · {tunnel.reason}</span>
    </span>
  );
}

function offHint(settings: SettingsView): ReactNode {
  if (!settings.ngrokAuthtoken.configured) {
    return (
      <>
        Needs an ngrok authtoken: copy yours from{' '}
        <a href={AUTHTOKEN_PAGE} target="_blank" rel="noreferrer">
          dashboard.ngrok.com
        </a>{' '}
        into Settings.
      </>
    );
  }
  const where = settings.ngrokDomain ? ` at ${settings.ngrokDomain}` : '';
  return `Start to get a public https URL${where} for Okta.`;
}

/** ngrok's pages in our messages become links; nothing else does. */
function linkify(message: string): ReactNode[] {
  return message.split(/(https:\/\/(?:dashboard\.)?ngrok\.com\/[^\s),]*[^\s).,])/).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} target="_blank" rel="noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
