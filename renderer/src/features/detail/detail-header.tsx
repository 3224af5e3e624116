import type { Exchange } from '../../../../shared/model/exchange';
import { AuthBadge, StatusBadge } from '../../ui/badges';
import { formatDateTime, formatDuration } from '../../ui/format';

/** The request line and, in one sentence each, anything the user should act on. */
export function DetailHeader({ exchange }: { exchange: Exchange }) {
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
        <span>from {request.remoteAddress || 'unknown'}</span>
        <AuthBadge result={exchange.auth.result} />
      </div>
      {(exchange.auth.message !== undefined || exchange.problems.length > 0) && (
        <ul className="notes" data-testid="notes">
          {exchange.auth.message !== undefined && <li className="note note--bad">{exchange.auth.message}</li>}
          {exchange.problems.map((problem) => (
            <li key={problem.code} className="note note--warn" data-testid="problem" data-code={problem.code}>
              {problem.message}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
