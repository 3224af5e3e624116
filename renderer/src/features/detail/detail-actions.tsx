import type { Exchange } from '../../../../shared/model/exchange';
import type { Bridge } from '../../bridge/bridge';
import { selectStatus } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { CopyButton } from '../../ui/copy-button';
import { MenuButton } from '../../ui/menu-button';
import { curlCopyKey } from '../actions/copy-curl';
import { curlFor, headersText, responseText } from './copy-actions';

/** A curl command with the credentials in clear: fetched on this click only. */
async function revealedCurl(bridge: Bridge, id: string, localUrl: string): Promise<string> {
  const result = await bridge.invoke('exchanges.get', { id, revealSecrets: true });
  if (!result.ok) throw new Error(result.error.message);
  return curlFor(result.value, localUrl);
}

/** The other copies of a request, each saying Copied on itself; the menu stays open to show it. */
function MoreCopies({ exchange, localUrl }: { exchange: Exchange; localUrl: string }) {
  const { bridge } = useEngine();
  const { id, request } = exchange;
  return (
    <MenuButton label="Copy" testId="copy-menu" panelLabel="Copy to the clipboard" small>
      {() => (
        <>
          <CopyButton
            value={() => revealedCurl(bridge, id, localUrl)}
            label="cURL with the secret in clear"
            testId="copy-curl-secret"
            title="Copy as cURL, credentials in clear"
            copyKey={`curl-secret:${id}`}
          />
          <CopyButton
            value={request.body.text ?? request.body.base64 ?? ''}
            label="Request body"
            testId="copy-body"
            copyKey={`body:${id}`}
          />
          <CopyButton
            value={headersText(request.headers)}
            label="Request headers"
            testId="copy-headers"
            copyKey={`headers:${id}`}
          />
          <CopyButton
            value={responseText(exchange)}
            label="Response (status, headers, body)"
            testId="copy-response"
            copyKey={`response:${id}`}
          />
        </>
      )}
    </MenuButton>
  );
}

/** What a developer does next with a request: resend it, compare it, or take it elsewhere. */
export function DetailActions({ exchange, onCompare }: { exchange: Exchange; onCompare: () => void }) {
  const status = useAppStore(selectStatus);
  const { store } = useEngine();
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
      <CopyButton
        value={curlFor(exchange, localUrl)}
        label="Copy as cURL"
        testId="copy-curl"
        title="Copy as cURL, credentials masked (c)"
        copyKey={curlCopyKey(exchange.id)}
      />
      <MoreCopies exchange={exchange} localUrl={localUrl} />
    </div>
  );
}
