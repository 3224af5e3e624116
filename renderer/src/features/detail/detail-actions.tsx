import { useState } from 'react';
import type { Exchange } from '../../../../shared/model/exchange';
import { selectStatus } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { CopyButton } from '../../ui/copy-button';
import { curlFor, headersText, responseText } from './copy-actions';

/** Copy a curl command with the credentials in clear: fetched on this click only. */
function CopyCurlWithSecret({ exchange, localUrl }: { exchange: Exchange; localUrl: string }) {
  const { bridge } = useEngine();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    const result = await bridge.invoke('exchanges.get', { id: exchange.id, revealSecrets: true });
    if (!result.ok) return setState('failed');
    await navigator.clipboard.writeText(curlFor(result.value, localUrl)).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  const label = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'cURL with secret';
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => void copy()}
      data-testid="copy-curl-secret"
      title="Copy as cURL, credentials in clear"
    >
      {label}
    </button>
  );
}

/** What a developer does next with a request: resend it, or take it elsewhere. */
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
      <span className="actions__group">
        <CopyButton
          value={curlFor(exchange, localUrl)}
          label="cURL"
          testId="copy-curl"
          title="Copy as cURL (credentials masked)"
        />
        <CopyCurlWithSecret exchange={exchange} localUrl={localUrl} />
        <CopyButton
          value={exchange.request.body.text ?? exchange.request.body.base64 ?? ''}
          label="Body"
          testId="copy-body"
        />
        <CopyButton value={headersText(exchange.request.headers)} label="Headers" testId="copy-headers" />
        <CopyButton value={responseText(exchange)} label="Response" testId="copy-response" />
      </span>
    </div>
  );
}
