import type { Exchange } from '../../../../shared/model/exchange';
import { selectStatus } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { CopyButton } from '../../ui/copy-button';
import { curlCopyKey } from '../actions/copy-curl';
import type { Bridge } from '../../bridge/bridge';
import { curlFor, headersText, responseText } from './copy-actions';

/** A curl command with the credentials in clear: fetched on this click only. */
async function revealedCurl(bridge: Bridge, id: string, localUrl: string): Promise<string> {
  const result = await bridge.invoke('exchanges.get', { id, revealSecrets: true });
  if (!result.ok) throw new Error(result.error.message);
  return curlFor(result.value, localUrl);
}

/** What a developer does next with a request: resend it, or take it elsewhere. */
export function DetailActions({ exchange, onCompare }: { exchange: Exchange; onCompare: () => void }) {
  const status = useAppStore(selectStatus);
  const { store, bridge } = useEngine();
  const localUrl = status?.receiver.localUrl ?? 'http://127.0.0.1:8787';
  return (
    <div className="actions" data-testid="detail-actions">
      <button
        type="button"
        className="button button--small button--primary"
        onClick={() => store.getState().openReplay({ selection: { ids: [exchange.id] }, count: 1 })}
        data-testid="open-replay"
      >
        Replay…
      </button>
      <button type="button" className="button button--small" onClick={onCompare} data-testid="start-compare">
        Compare with…
      </button>
      <span className="actions__group">
        <CopyButton
          value={curlFor(exchange, localUrl)}
          label="cURL"
          testId="copy-curl"
          title="Copy as cURL (credentials masked)"
          copyKey={curlCopyKey(exchange.id)}
        />
        <CopyButton
          value={() => revealedCurl(bridge, exchange.id, localUrl)}
          label="cURL with secret"
          testId="copy-curl-secret"
          title="Copy as cURL, credentials in clear"
          copyKey={`curl-secret:${exchange.id}`}
        />
        <CopyButton
          value={exchange.request.body.text ?? exchange.request.body.base64 ?? ''}
          label="Body"
          testId="copy-body"
          copyKey={`body:${exchange.id}`}
        />
        <CopyButton
          value={headersText(exchange.request.headers)}
          label="Headers"
          testId="copy-headers"
          copyKey={`headers:${exchange.id}`}
        />
        <CopyButton
          value={responseText(exchange)}
          label="Response"
          testId="copy-response"
          copyKey={`response:${exchange.id}`}
        />
      </span>
    </div>
  );
}
