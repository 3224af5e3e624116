import type { OktaActor, OktaEventSummary } from '../../../../shared/model/exchange';
import { visible } from '../../ui/visible-text';
import { heldText } from './okta-held';

const actorLabel = (actor: OktaActor) =>
  visible(actor.displayName || actor.alternateId || actor.id || actor.type || 'unknown');

function outcomeTone(result: string): string {
  if (result === 'SUCCESS' || result === 'ALLOW') return 'ok';
  if (result === 'FAILURE' || result === 'DENY') return 'bad';
  return 'neutral';
}

const join = (parts: (string | null)[]) =>
  visible(parts.filter((part): part is string => part !== null && part !== '').join(', '));

function Actor({ actor }: { actor: OktaActor }) {
  return (
    <span className="target" title={visible(`${actor.id} ${actor.alternateId}`)}>
      {actorLabel(actor)} <span className="muted">({visible(actor.type)})</span>
    </span>
  );
}

function Held({ queuedMs }: { queuedMs: number }) {
  const { text, title } = heldText(queuedMs);
  return (
    <span className="muted" title={title} data-testid="okta-event-held">
      {' '}
      · {text}
    </span>
  );
}

/** One LogEvent, with what a handler usually needs: who did what to whom, from where, and when. */
export function EventCard(props: {
  event: OktaEventSummary;
  queuedMs: number | null;
  repeated: boolean;
  outOfOrder: boolean;
}) {
  const { event } = props;
  const place = join([event.client.city, event.client.state, event.client.country]);
  const agent = join([event.client.browser, event.client.os]);
  return (
    <article className="event-card" data-testid="okta-event">
      <header className="event-card__head">
        <span className="event-card__type mono" data-testid="okta-event-type">
          {visible(event.eventType) || '(no eventType)'}
        </span>
        {props.repeated && <span className="flag">already received</span>}
        {props.outOfOrder && <span className="flag">out of order</span>}
        <span
          className={`outcome outcome--${outcomeTone(event.outcome.result)}`}
          data-testid="okta-event-outcome"
        >
          {visible(event.outcome.result) || 'no outcome'}
          {event.outcome.reason ? ` · ${visible(event.outcome.reason)}` : ''}
        </span>
      </header>
      <p className="event-card__message">{visible(event.displayMessage)}</p>
      <dl className="event-card__facts">
        <dt>Actor</dt>
        <dd>{event.actor ? <Actor actor={event.actor} /> : <span className="muted">none</span>}</dd>
        <dt>Targets</dt>
        <dd>
          {event.targets.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            event.targets.map((target, i) => <Actor key={i} actor={target} />)
          )}
        </dd>
        <dt>Published</dt>
        <dd className="mono">
          {visible(event.published)}
          {props.queuedMs !== null && <Held queuedMs={props.queuedMs} />}
        </dd>
        <dt>Client</dt>
        <dd>
          {event.client.ipAddress === null ? (
            <span className="muted">no IP</span>
          ) : (
            visible(event.client.ipAddress)
          )}
          {place && <span className="muted"> · {place}</span>}
          {agent && <span className="muted"> · {agent}</span>}
        </dd>
        <dt>Severity</dt>
        <dd>{visible(event.severity)}</dd>
        <dt>Transaction</dt>
        <dd className="mono">{visible(event.transactionId ?? '—')}</dd>
        <dt>UUID</dt>
        <dd className="mono">{visible(event.uuid)}</dd>
        <dt>For hooks</dt>
        <dd className="mono">{visible(event.targetEventHookIds.join(', ')) || '—'}</dd>
      </dl>
    </article>
  );
}
