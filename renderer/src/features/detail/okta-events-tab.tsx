import type { Exchange } from '../../../../shared/model/exchange';
import { deliveryLag } from '../../../../shared/okta/delivery-lag';
import { formatDuration } from '../../ui/format';
import { EventCard } from './event-card';

const lagText = (ms: number | null) => (ms === null ? 'unknown' : formatDuration(ms));

/** Okta's envelope decoded into its System Log events. */
export function OktaEventsTab({ exchange }: { exchange: Exchange }) {
  const { okta } = exchange;
  if (exchange.kind === 'verification') {
    return <p className="muted">A verification challenge carries no events; see Response for the answer.</p>;
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
