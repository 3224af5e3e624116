import type { DeliveryCounts as Counts, DeliveryReport } from '../../../../shared/model/okta';
import { DELIVERY_STATUSES } from '../../../../shared/okta/delivery-verdict';
import { logClock } from './okta-format';

export function DeliveryCounts({ counts }: { counts: Counts }) {
  return (
    <div className="okta-counts" data-testid="okta-delivery-counts">
      {DELIVERY_STATUSES.map(({ status, label, tone }) => (
        <span
          key={status}
          className={`pill pill--${counts[status] > 0 ? tone : 'neutral'}`}
          data-status={status}
        >
          {counts[status]} {label}
        </span>
      ))}
    </div>
  );
}

/** Okta's records about the hooks themselves: verification attempts, failures not tied to an event. */
export function OktaLogRecords({ report }: { report: DeliveryReport }) {
  return (
    <>
      {report.verifications.length > 0 && (
        <section data-testid="okta-verifications">
          <h3 className="section-title">Verification attempts (event_hook.verified)</h3>
          <ul className="okta-log-list">
            {report.verifications.map((record) => (
              <li key={record.logUuid}>
                <span className="mono">{logClock(record.published)}</span>{' '}
                <span className={`pill pill--${record.result === 'SUCCESS' ? 'ok' : 'bad'}`}>
                  {record.result}
                </span>{' '}
                <span className="mono muted">{record.hookId}</span> {record.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.unmatchedFailures.length > 0 && (
        <section data-testid="okta-unmatched-failures">
          <h3 className="section-title">Delivery failures that could not be tied to an event</h3>
          <ul className="okta-log-list">
            {report.unmatchedFailures.map((failure) => (
              <li key={failure.logUuid} data-testid="okta-untied-failure">
                <span className="mono">{logClock(failure.published)}</span>{' '}
                <span className="pill pill--bad">FAILURE</span>{' '}
                <span className="mono muted">{failure.hookId ?? 'no hook named'}</span> {failure.reason}
                {failure.untied && <span className="muted"> — {failure.untied}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
