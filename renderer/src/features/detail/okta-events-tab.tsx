import type { Exchange, OktaActor, OktaEventSummary } from '../../../../shared/model/exchange';

const actorLabel = (actor: OktaActor) =>
  actor.displayName || actor.alternateId || actor.id || actor.type || 'unknown';

function outcomeTone(result: string): string {
  if (result === 'SUCCESS' || result === 'ALLOW') return 'ok';
  if (result === 'FAILURE' || result === 'DENY') return 'bad';
  return 'neutral';
}

function EventCard({ event }: { event: OktaEventSummary }) {
  return (
    <article className="event-card" data-testid="okta-event">
      <header className="event-card__head">
        <span className="event-card__type mono" data-testid="okta-event-type">
          {event.eventType || '(no eventType)'}
        </span>
        <span
          className={`outcome outcome--${outcomeTone(event.outcome.result)}`}
          data-testid="okta-event-outcome"
        >
          {event.outcome.result || 'no outcome'}
          {event.outcome.reason ? ` · ${event.outcome.reason}` : ''}
        </span>
      </header>
      <p className="event-card__message">{event.displayMessage}</p>
      <dl className="event-card__facts">
        <dt>Actor</dt>
        <dd>
          {event.actor ? (
            <>
              {actorLabel(event.actor)} <span className="muted">({event.actor.type})</span>
            </>
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
        <dt>Targets</dt>
        <dd>
          {event.targets.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            event.targets.map((target, index) => (
              <span key={index} className="target">
                {actorLabel(target)} <span className="muted">({target.type})</span>
              </span>
            ))
          )}
        </dd>
        <dt>Published</dt>
        <dd className="mono">{event.published}</dd>
        <dt>Severity</dt>
        <dd>{event.severity}</dd>
        <dt>UUID</dt>
        <dd className="mono">{event.uuid}</dd>
      </dl>
    </article>
  );
}

/** Okta's envelope decoded into its System Log events. */
export function OktaEventsTab({ exchange }: { exchange: Exchange }) {
  const { okta } = exchange;
  if (exchange.kind === 'verification') {
    return <p className="muted">A verification challenge carries no events; see Response for the answer.</p>;
  }
  if (okta.events.length === 0) {
    return <p className="muted">No Okta events could be read from this request (see the problems above).</p>;
  }
  return (
    <div className="events">
      <dl className="envelope mono">
        {okta.eventId !== undefined && (
          <>
            <dt>eventId</dt>
            <dd>{okta.eventId}</dd>
          </>
        )}
        {okta.eventTime !== undefined && (
          <>
            <dt>eventTime</dt>
            <dd>{okta.eventTime}</dd>
          </>
        )}
        {okta.hookId !== undefined && (
          <>
            <dt>hook</dt>
            <dd>{okta.hookId}</dd>
          </>
        )}
      </dl>
      {okta.events.map((event, index) => (
        <EventCard key={`${event.uuid}-${index}`} event={event} />
      ))}
    </div>
  );
}
