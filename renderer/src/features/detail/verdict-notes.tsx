import { useState } from 'react';
import type { Exchange, Problem } from '../../../../shared/model/exchange';
import { summarize } from '../../../../shared/model/summarize';
import { showExchange } from '../../store/commands';
import { useEngine } from '../../store/store-context';
import { formatDuration } from '../../ui/format';
import { visible } from '../../ui/visible-text';
import { outcomeOf } from '../verdicts/outcome';

function ShowExchange({ id, label }: { id: string; label: string }) {
  const { store, bridge } = useEngine();
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => void showExchange(store, bridge, id)}
      data-testid="show-first-sighting"
    >
      {label}
    </button>
  );
}

/** Redeliveries and ordering, in one sentence each (https://developer.okta.com/docs/concepts/event-hooks/#ongoing-event-delivery). */
function SightingNotes({ exchange }: { exchange: Exchange }) {
  const sightings = exchange.sightings;
  if (!sightings) return null;
  const firstOfRepeated = sightings.repeatedEvents[0]?.firstExchangeId;
  return (
    <>
      {sightings.repeatOf !== undefined && (
        <li className="note note--warn" data-testid="note-repeat">
          Redelivery: Okta sent this eventId before (a retry, or at-least-once delivery). Handlers should skip
          eventIds they have processed.{' '}
          <ShowExchange id={sightings.repeatOf} label="Show the first delivery" />
        </li>
      )}
      {firstOfRepeated !== undefined && (
        <li className="note note--warn" data-testid="note-repeated-events">
          {sightings.repeatedEvents.length} of these events already arrived in another delivery: deduplicate
          on each event&apos;s uuid. <ShowExchange id={firstOfRepeated} label="Show where it came first" />
        </li>
      )}
      {sightings.outOfOrder.length > 0 && (
        <li className="note note--warn" data-testid="note-out-of-order">
          {sightings.outOfOrder.length} event(s) were published before an event already received: order by{' '}
          <code>published</code>, not by arrival.
        </li>
      )}
    </>
  );
}

const CAUSES: Record<string, string> = {
  refused: 'nothing is listening there — is your handler running?',
  dns: 'the host name does not resolve',
  reset: 'the connection was reset before a full answer',
  timeout: 'no complete answer in time',
  other: 'the request failed',
};

/** What the user's handler did with the request, and where the time went. */
function ForwardNote({ exchange }: { exchange: Exchange }) {
  const forward = exchange.forward;
  if (!forward) return null;
  if (forward.error) {
    return (
      <li className="note note--bad" data-testid="note-forward">
        Your handler at <code>{visible(forward.url)}</code> gave no answer: {CAUSES[forward.error.cause]} (
        {visible(forward.error.message)}).
      </li>
    );
  }
  const target = exchange.timing.targetMs ?? 0;
  const overhead = Math.max(0, exchange.timing.durationMs - target);
  return (
    <li className="note note--neutral" data-testid="note-forward">
      Your handler at <code>{visible(forward.url)}</code> answered {forward.response?.status} in{' '}
      {formatDuration(target)}; the inspector added {formatDuration(overhead)}.
    </li>
  );
}

/**
 * How the request differs from what Okta sends. Several are one line until opened: a foreign
 * body draws seven, and they would leave the tabs below no room.
 */
function ProblemNotes({ problems }: { problems: Problem[] }) {
  const [open, setOpen] = useState(false);
  const list = problems.map((problem) => (
    <li key={problem.code} className="note note--warn" data-testid="problem" data-code={problem.code}>
      {visible(problem.message)}
    </li>
  ));
  if (problems.length < 2) return <>{list}</>;
  return (
    <>
      <li className="note note--warn note--summary" data-testid="problems">
        <span>{problems.length} ways this is not what Okta sends.</span>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          data-testid="problems-toggle"
        >
          {open ? 'Hide them' : 'Show them'}
        </button>
      </li>
      {open && list}
    </>
  );
}

/** A failed check is red; an import's "not checked" is how the file is, nothing to fix. */
const authTone = (exchange: Exchange) =>
  exchange.forward || exchange.auth.result === 'not-configured' ? 'neutral' : 'bad';

/** What Okta will do, and anything the user should act on, each in one plain sentence. */
export function VerdictNotes({ exchange }: { exchange: Exchange }) {
  const outcome = outcomeOf(summarize(exchange));
  const budget = `${formatDuration(exchange.timing.durationMs)} of Okta's 3 s budget used here.`;
  // The inspector's own refusal says why in its first note: in a short window the notes after
  // it scroll out of view, and what went wrong is the first thing to read.
  const refused =
    !exchange.forward && (exchange.auth.result === 'missing' || exchange.auth.result === 'mismatch');
  const authText = exchange.auth.message !== undefined && (
    <>
      {exchange.forward ? "Your handler decided the answer; the inspector's own check says: " : ''}
      {visible(exchange.auth.message)}
    </>
  );
  const inOutcome = refused && exchange.kind !== 'other';
  return (
    <ul className="notes" data-testid="notes">
      {exchange.kind !== 'other' && (
        <li className={`note note--${outcome.tone}`} data-testid="note-outcome">
          <strong>{outcome.sentence}</strong> {inOutcome && <span data-testid="note-auth">{authText} </span>}
          <span className="muted">{budget}</span>
        </li>
      )}
      <ForwardNote exchange={exchange} />
      {authText && !inOutcome && (
        <li className={`note note--${authTone(exchange)}`} data-testid="note-auth">
          {authText}
        </li>
      )}
      <SightingNotes exchange={exchange} />
      <ProblemNotes key={exchange.id} problems={exchange.problems} />
    </ul>
  );
}
