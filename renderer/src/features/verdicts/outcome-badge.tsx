import type { ExchangeSummary } from '../../../../shared/model/exchange';
import { outcomeOf } from './outcome';

/** Okta's next move (or the verification verdict) as a small badge with its sentence as title. */
export function OutcomeBadge({ summary }: { summary: ExchangeSummary }) {
  const outcome = outcomeOf(summary);
  return (
    <span
      className={`pill pill--${outcome.tone}`}
      title={outcome.sentence}
      data-testid="outcome-badge"
      data-outcome={outcome.label}
    >
      {outcome.label}
    </span>
  );
}

interface RowMark {
  key: 'repeat' | 'dup' | 'order' | 'problems' | 'origin';
  text: string;
  title: string;
}

/** Markers for redeliveries, repeated or out-of-order events and problems, then where it came from. */
export function rowMarks(summary: ExchangeSummary): RowMark[] {
  const marks: RowMark[] = [];
  if (summary.repeat)
    marks.push({ key: 'repeat', text: 'redelivery', title: 'This eventId was received before' });
  else if (summary.repeatedEvents > 0) {
    marks.push({
      key: 'dup',
      text: 'dup',
      title: `${summary.repeatedEvents} event(s) already received in another delivery`,
    });
  }
  if (summary.outOfOrderEvents > 0) {
    marks.push({
      key: 'order',
      text: 'out of order',
      title: `${summary.outOfOrderEvents} event(s) published before one already received`,
    });
  }
  if (summary.problemCount > 0) {
    marks.push({
      key: 'problems',
      text: `⚠ ${summary.problemCount}`,
      title: `${summary.problemCount} problem(s): open for details`,
    });
  }
  if (summary.origin !== 'live')
    marks.push({ key: 'origin', text: summary.origin, title: `Made by the inspector (${summary.origin})` });
  return marks;
}

export function FlagMarks({ marks }: { marks: RowMark[] }) {
  return (
    <>
      {marks.map((mark) => (
        <span
          key={mark.key}
          className={`flag flag--${mark.key}`}
          title={mark.title}
          data-testid={`flag-${mark.key}`}
        >
          {mark.text}
        </span>
      ))}
    </>
  );
}
