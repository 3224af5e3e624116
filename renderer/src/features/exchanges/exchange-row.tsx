import { memo, useState, type CSSProperties, type MouseEvent } from 'react';
import type { ExchangeSummary } from '../../../../shared/model/exchange';
import { AuthBadge, StatusBadge } from '../../ui/badges';
import { formatDateTime, formatDuration, formatRowTime } from '../../ui/format';
import { selectIsPicked, selectSummary, selectTypeTest, type TypeTest } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { PinIcon } from '../../ui/icons';
import { visible } from '../../ui/visible-text';
import { FlagMarks, OutcomeBadge, rowMarks } from '../verdicts/outcome-badge';
import { TypeName, typeNameWidths } from './type-name';

export const ROW_HEIGHT = 30;

const authFailed = (summary: ExchangeSummary) => summary.auth === 'missing' || summary.auth === 'mismatch';

/** A request that failed the secret check is kept, not decoded: its events are unknown, not absent. */
function withoutTypes(summary: ExchangeSummary): string {
  if (summary.kind === 'verification') return 'verification challenge';
  if (summary.kind !== 'delivery') return summary.path;
  return authFailed(summary) ? 'not decoded' : 'no events';
}

/** The first type, or the one a `type:` filter matched, cut short before its count and badges are. */
function EventsText({ summary, asked }: { summary: ExchangeSummary; asked: TypeTest }) {
  const [first] = summary.eventTypes;
  if (summary.kind === 'verification' || first === undefined) {
    return <span className="cell__text">{visible(withoutTypes(summary))}</span>;
  }
  const matched = asked && !asked(first) ? summary.eventTypes.find(asked) : undefined;
  return (
    <>
      {matched === undefined ? (
        <span className="cell__type" style={typeNameWidths(first)}>
          <TypeName type={first} />
        </span>
      ) : (
        <mark
          className="cell__type cell__match"
          style={typeNameWidths(matched)}
          data-testid="matched-type"
          title={visible(`Matched by the search; first: ${first}`)}
        >
          <TypeName type={matched} />
        </mark>
      )}
      {summary.eventCount > 1 && <span className="cell__more"> +{summary.eventCount - 1}</span>}
    </>
  );
}

/**
 * The events cell's tooltip: every type, then every mark in words, as a narrow list may show
 * fewer marks than the row has.
 */
function eventsTitle(summary: ExchangeSummary, marks: ReturnType<typeof rowMarks>): string {
  const types = summary.eventTypes.join(', ') || summary.path;
  return visible([types, ...marks.map((mark) => mark.title)].join('\n'));
}

function pinCellTitle(summary: ExchangeSummary): string | undefined {
  const notes = [
    summary.pinned && 'Pinned: kept whatever the retention limits',
    summary.origin !== 'live' && `Made by the inspector (${summary.origin})`,
  ].filter(Boolean);
  return notes.length > 0 ? notes.join('\n') : undefined;
}

function rowClass(selected: boolean, picked: boolean, problem: boolean): string {
  return ['row', selected && 'row--selected', picked && 'row--picked', problem && 'row--problem']
    .filter(Boolean)
    .join(' ');
}

/** One list row; subscribes to its own summary so a new exchange re-renders only itself. */
export const ExchangeRow = memo(function ExchangeRow(props: {
  id: string;
  /** Its place in the list (0 is the newest match). */
  position: number;
  /** Where it is drawn in the list's canvas, in px. */
  top: number;
  selected: boolean;
  onPick: (id: string, event: MouseEvent) => void;
}) {
  const summary = useAppStore(selectSummary(props.id));
  const picked = useAppStore(selectIsPicked(props.id));
  const asked = useAppStore(selectTypeTest);
  // Which day is today, as of when the row was drawn (rows are drawn again as the list scrolls).
  const [drawnAt] = useState(() => Date.now());
  if (!summary) return null;
  const marks = rowMarks(summary);
  const style: CSSProperties = { transform: `translateY(${props.top}px)` };
  return (
    <div
      role="row"
      aria-rowindex={props.position + 1}
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
      data-origin={summary.origin}
    >
      <span role="cell" className="cell cell--pin" title={pinCellTitle(summary)}>
        {summary.pinned && <PinIcon filled />}
        {/* Where the row came from, at any width: its flag gives way beside other marks. */}
        {summary.origin !== 'live' && <span className="origin-mark" data-testid="origin-mark" />}
      </span>
      <span role="cell" className="cell cell--time" title={formatDateTime(summary.receivedAt)}>
        {formatRowTime(summary.receivedAt, drawnAt)}
      </span>
      <span role="cell" className={`cell cell--method method--${summary.method.toLowerCase()}`}>
        {visible(summary.method)}
      </span>
      <span role="cell" className="cell cell--status">
        <StatusBadge status={summary.status} />
      </span>
      <span role="cell" className="cell cell--events" title={eventsTitle(summary, marks)}>
        <EventsText summary={summary} asked={asked} />
        {/* Badges that do not fit whole wrap out of sight (list.css); the title names them all. */}
        <span className="cell__flags">
          <FlagMarks marks={marks} />
        </span>
        {authFailed(summary) && (
          // Shown only while the Auth column is hidden (list.css): a 401 still says why.
          <span className="cell__auth">
            <AuthBadge result={summary.auth} origin={summary.origin} testId="auth-badge-beside-events" />
          </span>
        )}
      </span>
      <span role="cell" className="cell cell--outcome">
        <OutcomeBadge summary={summary} />
      </span>
      <span role="cell" className="cell cell--auth">
        <AuthBadge result={summary.auth} origin={summary.origin} />
      </span>
      <span role="cell" className="cell cell--duration">
        {formatDuration(summary.durationMs)}
      </span>
    </div>
  );
});
