import { useState } from 'react';
import type { Exchange, HeaderList } from '../../../../shared/model/exchange';
import { useEngine } from '../../store/store-context';
import { HeadersTable } from './headers-table';

/**
 * The request headers, credentials masked. Revealing fetches them in clear for this view only;
 * the clear values never enter the app store.
 */
export function RequestHeadersTab({ exchange }: { exchange: Exchange }) {
  const { bridge } = useEngine();
  const [revealed, setRevealed] = useState<{ id: string; headers: HeaderList } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = revealed?.id === exchange.id ? revealed.headers : null;
  const reveal = async () => {
    const result = await bridge.invoke('exchanges.get', { id: exchange.id, revealSecrets: true });
    if (result.ok) setRevealed({ id: exchange.id, headers: result.value.request.headers });
    else setError(result.error.message);
  };
  return (
    <div className="stack">
      <div className="toolbar">
        {shown ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => setRevealed(null)}
            data-testid="hide-secrets"
          >
            Hide secret values
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            onClick={() => void reveal()}
            data-testid="reveal-secrets"
          >
            Reveal secret values
          </button>
        )}
        {error && <span className="form-error">{error}</span>}
      </div>
      <HeadersTable headers={shown ?? exchange.request.headers} testId="request-headers" />
    </div>
  );
}
