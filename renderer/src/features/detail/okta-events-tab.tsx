import { useState } from 'react';
import type { Exchange } from '../../../../shared/model/exchange';
import { deliveryLag } from '../../../../shared/okta/delivery-lag';
import { formatCount, formatDuration } from '../../ui/format';
import { visible } from '../../ui/visible-text';
import { OktaRecord } from '../okta/okta-record';
import { useOktaRecord } from '../okta/use-okta-record';
import { EventCard } from './event-card';

const lagText = (ms: number | null) => (ms === null ? 'unknown' : formatDuration(ms));

/**
 * Cards drawn at first; more on demand. A 10 MB delivery holds thousands of events, and
 * drawing them all at once froze the page for seconds (bench/README.md, Large body).
 */
const EVENTS_PAGE = 50;

/** Okta's envelope decoded into its System Log events, and Okta's own record of them. */
export function OktaEventsTab({ exchange }: { exchange: Exchange }) {
  const { okta } = exchange;
  const record = useOktaRecord(exchange.id);
  const [shown, setShown] = useState(EVENTS_PAGE);
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
  const repeated = new Set(exchange.sightings?.repeatedEvents.map((r) => r.uuid));
  const outOfOrder = new Set(exchange.sightings?.outOfOrder);
  const more = Math.min(EVENTS_PAGE * 10, okta.events.length - shown);
  return (
    <div className="events">
      <dl className="envelope mono" data-testid="envelope">
        <dt>eventId</dt>
        <dd>{visible(okta.eventId ?? '—')}</dd>
        <dt>eventTime</dt>
        <dd>{visible(okta.eventTime ?? '—')}</dd>
        <dt>hook</dt>
        <dd>{visible(okta.hookId ?? '—')}</dd>
        <dt>transit</dt>
        <dd title="Received here minus eventTime: the trip from Okta, plus any clock difference">
          {lagText(lag.transitMs)}
        </dd>
      </dl>
      {oktaRecord}
      {okta.events.slice(0, shown).map((event, index) => (
        <EventCard
          key={`${event.uuid}-${index}`}
          event={event}
          queuedMs={lag.queuedMs[index] ?? null}
          repeated={repeated.has(event.uuid)}
          outOfOrder={outOfOrder.has(event.uuid)}
        />
      ))}
      {more > 0 && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setShown(shown + more)}
          data-testid="more-events"
        >
          {more === okta.events.length - shown
            ? `Show the other ${formatCount(more)} events`
            : `Show ${formatCount(more)} more of ${formatCount(okta.events.length - shown)} events`}
        </button>
      )}
    </div>
  );
}
