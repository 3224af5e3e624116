import type { Exchange } from '../../../../shared/model/exchange';
import { AuthBadge, StatusBadge } from '../../ui/badges';
import { formatDateTime, formatDuration } from '../../ui/format';
import { DetailActions } from './detail-actions';
import { ReplayLinks } from './replay-links';
import { VerdictNotes } from './verdict-notes';

/** The request line and, in one sentence each, anything the user should act on. */
export function DetailHeader({ exchange, onCompare }: { exchange: Exchange; onCompare: () => void }) {
  const { request } = exchange;
  const target = request.query === '' ? request.path : `${request.path}?${request.query}`;
  return (
    <header className="detail__header">
      <div className="detail__line">
        <span className={`method method--${request.method.toLowerCase()}`}>{request.method}</span>
        <span className="detail__target mono" title={target}>
          {target}
        </span>
        <StatusBadge status={exchange.response.status} withReason />
        <span className="muted mono">{formatDuration(exchange.timing.durationMs)}</span>
      </div>
      <div className="detail__meta muted">
        <span>{formatDateTime(exchange.receivedAt)}</span>
        <span>{exchange.kind}</span>
        {exchange.origin !== 'live' && <span className="flag flag--origin">{exchange.origin}</span>}
        <span>from {request.remoteAddress || 'unknown'}</span>
        <AuthBadge result={exchange.auth.result} />
      </div>
      <DetailActions exchange={exchange} onCompare={onCompare} />
      <VerdictNotes exchange={exchange} />
      <ReplayLinks exchange={exchange} />
    </header>
  );
}
