import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { ExchangeSummary } from '../../../../shared/model/exchange';
import { AuthBadge, StatusBadge } from '../../ui/badges';
import { formatClock, formatDuration } from '../../ui/format';
import { selectIsPicked, selectSummary } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { PinIcon } from '../../ui/icons';
import { visible } from '../../ui/visible-text';
import { FlagMarks, OutcomeBadge } from '../verdicts/outcome-badge';

export const ROW_HEIGHT = 30;

function describeEvents(summary: ExchangeSummary): string {
  if (summary.kind === 'verification') return 'verification challenge';
  const [first] = summary.eventTypes;
  if (first === undefined) return summary.kind === 'delivery' ? 'no events' : '';
  const more = summary.eventCount > 1 ? ` +${summary.eventCount - 1}` : '';
  return `${first}${more}`;
}

function rowClass(selected: boolean, picked: boolean, problem: boolean): string {
  return ['row', selected && 'row--selected', picked && 'row--picked', problem && 'row--problem']
    .filter(Boolean)
    .join(' ');
}

/** One list row; subscribes to its own summary so a new exchange re-renders only itself. */
export const ExchangeRow = memo(function ExchangeRow(props: {
  id: string;
  index: number;
  selected: boolean;
  onPick: (id: string, event: MouseEvent) => void;
}) {
  const summary = useAppStore(selectSummary(props.id));
  const picked = useAppStore(selectIsPicked(props.id));
  if (!summary) return null;
  const style: CSSProperties = { transform: `translateY(${props.index * ROW_HEIGHT}px)` };
  return (
    <div
      role="row"
      aria-selected={props.selected || picked}
      className={rowClass(props.selected, picked, summary.problemCount > 0)}
      style={style}
      onMouseDown={(event) => {
        // Shift-click picks a range; it should not also select the page's text.
        if (event.shiftKey) event.preventDefault();
      }}
      onClick={(event) => props.onPick(props.id, event)}
      data-testid="exchange-row"
      data-kind={summary.kind}
      data-status={summary.status}
      data-seq={summary.seq}
      data-picked={picked}
      data-pinned={summary.pinned}
    >
      <span
        role="cell"
        className="cell cell--pin"
        title={summary.pinned ? 'Pinned: kept whatever the retention limits' : undefined}
      >
        {summary.pinned && <PinIcon filled />}
      </span>
      <span role="cell" className="cell cell--time">
        {formatClock(summary.receivedAt)}
      </span>
      <span role="cell" className={`cell cell--method method--${summary.method.toLowerCase()}`}>
        {visible(summary.method)}
      </span>
      <span role="cell" className="cell cell--status">
        <StatusBadge status={summary.status} />
      </span>
      <span
        role="cell"
        className="cell cell--events"
        title={visible(summary.eventTypes.join(', ') || summary.path)}
      >
        <span className="cell__text">{visible(describeEvents(summary) || summary.path)}</span>
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
