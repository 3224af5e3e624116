import type { Exchange } from '../../../../shared/model/exchange';
import { selectSummary } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { AuthBadge, StatusBadge } from '../../ui/badges';
import { formatDateTime, formatDuration } from '../../ui/format';
import { visible } from '../../ui/visible-text';
import { DetailActions } from './detail-actions';
import { ReplayLinks } from './replay-links';
import { PinIcon } from '../../ui/icons';
import { VerdictNotes } from './verdict-notes';

/** Pinned exchanges are kept whatever the retention limits say. */
function PinToggle({ id }: { id: string }) {
  const pinned = useAppStore(selectSummary(id))?.pinned ?? false;
  const { store, bridge } = useEngine();
  const toggle = async () => {
    const result = await bridge.invoke('exchanges.pin', { ids: [id], pinned: !pinned });
    if (!result.ok) store.getState().setError(result.error.message);
  };
  return (
    <button
      type="button"
      className={`button button--small pin-toggle${pinned ? ' pin-toggle--on' : ''}`}
      aria-pressed={pinned}
      title={
        pinned
          ? 'Pinned: kept whatever the retention limits. Click to unpin.'
          : 'Pin: keep it whatever the retention limits (p)'
      }
      onClick={() => void toggle()}
      data-testid="detail-pin"
    >
      <PinIcon filled={pinned} /> {pinned ? 'Pinned' : 'Pin'}
    </button>
  );
}

/** The request line and, in one sentence each, anything the user should act on. */
export function DetailHeader({ exchange, onCompare }: { exchange: Exchange; onCompare: () => void }) {
  const { request } = exchange;
  const target = visible(request.query === '' ? request.path : `${request.path}?${request.query}`);
  return (
    <header className="detail__header">
      <div className="detail__line">
        <span className={`method method--${request.method.toLowerCase()}`}>{request.method}</span>
        <span className="detail__target mono" title={target}>
          {target}
        </span>
        <StatusBadge status={exchange.response.status} withReason />
        <span className="muted mono">{formatDuration(exchange.timing.durationMs)}</span>
        <PinToggle id={exchange.id} />
      </div>
      <div className="detail__meta muted">
        <span>{formatDateTime(exchange.receivedAt)}</span>
        <span>{exchange.kind}</span>
        {exchange.origin !== 'live' && <span className="flag flag--origin">{exchange.origin}</span>}
        {exchange.imported && (
          <span data-testid="imported-from">
            from {visible(exchange.imported.file)}
            {exchange.imported.original
              ? ` (was ${exchange.imported.original.origin} #${exchange.imported.original.seq})`
              : ''}
          </span>
        )}
        {/* A HAR file from another tool does not say where a request came from. */}
        {request.remoteAddress !== '' && <span>from {visible(request.remoteAddress)}</span>}
        <AuthBadge result={exchange.auth.result} origin={exchange.origin} />
      </div>
      <DetailActions exchange={exchange} onCompare={onCompare} />
      {/* Only what follows the actions scrolls: a scroller would clip their menus' panels. */}
      <div className="detail__notes">
        <VerdictNotes exchange={exchange} />
        <ReplayLinks exchange={exchange} />
      </div>
    </header>
  );
}
