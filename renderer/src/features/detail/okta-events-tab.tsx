import type { Exchange } from '../../../../shared/model/exchange';
import { deliveryLag } from '../../../../shared/okta/delivery-lag';
import { formatDuration } from '../../ui/format';
import { OktaRecord } from '../okta/okta-record';
import { useOktaRecord } from '../okta/use-okta-record';
import { EventCard } from './event-card';

const lagText = (ms: number | null) => (ms === null ? 'unknown' : formatDuration(ms));

/** Okta's envelope decoded into its System Log events, and Okta's own record of them. */
export function OktaEventsTab({ exchange }: { exchange: Exchange }) {
  const { okta } = exchange;
  const record = useOktaRecord(exchange.id);
  const oktaRecord = record && <OktaRecord record={record} kind={exchange.kind} />;
  if (exchange.kind === 'verification') {
    return (
      <div className="events">
        <p className="muted">A verification challenge carries no events; see Response for the answer.</p>
        {oktaRecord}
      </div>
    );
  }
  if (okta.events.length === 0) {
    return <p className="muted">No Okta events could be read from this request (see the notes above).</p>;
  }
  const lag = deliveryLag(okta, exchange.receivedAt);
  const sightings = exchange.sightings;
  return (
    <div className="events">
      <dl className="envelope mono" data-testid="envelope">
        <dt>eventId</dt>
        <dd>{okta.eventId ?? '—'}</dd>
        <dt>eventTime</dt>
        <dd>{okta.eventTime ?? '—'}</dd>
        <dt>hook</dt>
        <dd>{okta.hookId ?? '—'}</dd>
        <dt>transit</dt>
        <dd title="Received here minus eventTime: the trip from Okta, plus any clock difference">
          {lagText(lag.transitMs)}
        </dd>
      </dl>
      {oktaRecord}
      {okta.events.map((event, index) => (
        <EventCard
          key={`${event.uuid}-${index}`}
          event={event}
          queuedMs={lag.queuedMs[index] ?? null}
          repeated={sightings?.repeatedEvents.some((r) => r.uuid === event.uuid) ?? false}
          outOfOrder={sightings?.outOfOrder.includes(event.uuid) ?? false}
        />
      ))}
    </div>
  );
}
