import type { Exchange } from '../../../../shared/model/exchange';
import { StatusBadge } from '../../ui/badges';
import { BodyView } from './body-view';
import { HeadersTable } from './headers-table';

/** What the inspector answered. */
export function ResponseTab({ exchange }: { exchange: Exchange }) {
  const { response } = exchange;
  if (response.status === 0) {
    return <p className="muted">No response was sent: the client disconnected first.</p>;
  }
  return (
    <div className="stack">
      <div className="response-line" data-testid="response-status">
        <StatusBadge status={response.status} withReason />
      </div>
      <h3 className="section-title">Headers</h3>
      <HeadersTable headers={response.headers} testId="response-headers" />
      <h3 className="section-title">Body</h3>
      <BodyView body={response.body} testId="response-body" />
    </div>
  );
}
