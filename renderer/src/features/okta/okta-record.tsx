import type { ExchangeOktaRecord } from '../../../../shared/model/okta';
import { describeDelivery } from '../../../../shared/okta/delivery-verdict';
import { formatClock } from '../../ui/format';
import { logClock } from './okta-format';

const polled = (record: ExchangeOktaRecord) =>
  record.polledAt === null ? 'not polled yet' : `System Log polled at ${formatClock(record.polledAt)}`;

/** What Okta's System Log says about this exchange: per event, or the verification attempt. */
export function OktaRecord({ record, kind }: { record: ExchangeOktaRecord; kind: string }) {
  if (record.note !== null) {
    return (
      <p className="okta-record muted" data-testid="okta-record">
        {record.note}
      </p>
    );
  }
  if (kind === 'verification') {
    const attempt = record.verification;
    return (
      <p
        className={`okta-record note note--${attempt ? (attempt.result === 'SUCCESS' ? 'ok' : 'bad') : 'neutral'}`}
        data-testid="okta-record"
      >
        <strong>Okta&apos;s record: </strong>
        {attempt
          ? `event_hook.verified ${attempt.result} at ${logClock(attempt.published)}${attempt.reason ? `: ${attempt.reason}` : ''}.`
          : `no verification attempt near this time in the System Log (${polled(record)}).`}
      </p>
    );
  }
  return (
    <section className="okta-record" data-testid="okta-record">
      <h3 className="section-title">Okta&apos;s record ({polled(record)})</h3>
      <ul className="notes">
        {record.events.map(({ uuid, record: delivery }) => {
          const verdict = delivery ? describeDelivery(delivery) : null;
          return (
            <li
              key={uuid}
              className={`note note--${verdict?.tone ?? 'neutral'}`}
              data-testid="okta-record-event"
              data-status={delivery?.status ?? 'not-in-log'}
            >
              <span className={`pill pill--${verdict?.tone ?? 'neutral'}`}>
                {verdict?.label ?? 'not in the log'}
              </span>{' '}
              <span className="mono muted">{uuid}</span>{' '}
              {verdict?.sentence ?? 'The System Log fetched so far has no such event for a tracked hook.'}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
