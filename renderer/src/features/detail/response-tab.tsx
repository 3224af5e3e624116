import type { Exchange } from '../../../../shared/model/exchange';
import { StatusBadge } from '../../ui/badges';
import { BodyView } from './body-view';
import { HeadersTable } from './headers-table';

/**
 * The answer came from this inspector's HTTP server (not a handler's answer recorded as it
 * arrived, nor an import), so the server added connection headers that were not recorded.
 */
const answeredHere = (exchange: Exchange) =>
  exchange.origin !== 'imported' && !(exchange.origin === 'replay' && exchange.forward);

/** What the inspector answered. */
export function ResponseTab({ exchange }: { exchange: Exchange }) {
  const { response } = exchange;
  if (response.status === 0) {
    return <p className="muted">No response was sent: the client disconnected first.</p>;
  }
  const recorded = response.headers.length > 0;
  return (
    <div className="stack">
      <div className="response-line" data-testid="response-status">
        <StatusBadge status={response.status} withReason />
      </div>
      <h3 className="section-title">Headers</h3>
      {recorded && <HeadersTable headers={response.headers} testId="response-headers" />}
      {answeredHere(exchange) && (
        <p className="muted" data-testid="response-headers-note">
          {recorded
            ? 'Also sent, and not recorded: '
            : 'Only the ones the HTTP server adds to every answer: '}
          Date, Connection and Keep-Alive.
        </p>
      )}
      <h3 className="section-title">Body</h3>
      <BodyView body={response.body} testId="response-body" />
    </div>
  );
}
