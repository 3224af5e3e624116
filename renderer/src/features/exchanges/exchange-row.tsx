import { memo, type CSSProperties } from 'react';
import type { ExchangeSummary } from '../../../../shared/model/exchange';
import { AuthBadge, StatusBadge } from '../../ui/badges';
import { formatClock, formatDuration } from '../../ui/format';
import { selectSummary } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { FlagMarks, OutcomeBadge } from '../verdicts/outcome-badge';

export const ROW_HEIGHT = 30;

function describeEvents(summary: ExchangeSummary): string {
  if (summary.kind === 'verification') return 'verification challenge';
  const [first] = summary.eventTypes;
  if (first === undefined) return summary.kind === 'delivery' ? 'no events' : '';
  const more = summary.eventCount > 1 ? ` +${summary.eventCount - 1}` : '';
  return `${first}${more}`;
}

/** One list row; subscribes to its own summary so a new exchange re-renders only itself. */
export const ExchangeRow = memo(function ExchangeRow(props: {
  id: string;
  index: number;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  const summary = useAppStore(selectSummary(props.id));
  if (!summary) return null;
  const style: CSSProperties = { transform: `translateY(${props.index * ROW_HEIGHT}px)` };
  return (
    <div
      role="row"
      aria-selected={props.selected}
      className={`row${props.selected ? ' row--selected' : ''}${summary.problemCount > 0 ? ' row--problem' : ''}`}
      style={style}
      onClick={() => props.onOpen(props.id)}
      data-testid="exchange-row"
      data-kind={summary.kind}
      data-status={summary.status}
      data-seq={summary.seq}
    >
      <span role="cell" className="cell cell--time">
        {formatClock(summary.receivedAt)}
      </span>
      <span role="cell" className={`cell cell--method method--${summary.method.toLowerCase()}`}>
        {summary.method}
      </span>
      <span role="cell" className="cell cell--status">
        <StatusBadge status={summary.status} />
      </span>
      <span role="cell" className="cell cell--events" title={summary.eventTypes.join(', ') || summary.path}>
        <span className="cell__text">{describeEvents(summary) || summary.path}</span>
        <FlagMarks summary={summary} />
      </span>
      <span role="cell" className="cell cell--outcome">
        <OutcomeBadge summary={summary} />
      </span>
      <span role="cell" className="cell cell--auth">
        <AuthBadge result={summary.auth} />
      </span>
      <span role="cell" className="cell cell--duration">
        {formatDuration(summary.durationMs)}
      </span>
    </div>
  );
});
