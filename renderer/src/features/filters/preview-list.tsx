import type { EventCheck, Verdict } from '../../../../shared/model/hook-filter';
import { openExchange } from '../../store/commands';
import { useEngine } from '../../store/store-context';
import { formatClock } from '../../ui/format';
import { previewSummary } from './filter-text';
import type { Tried } from './use-filter-preview';

const VERDICT: Record<Verdict, string> = {
  pass: 'let through',
  drop: 'dropped',
  unknown: 'cannot be checked locally',
};
const TONE: Record<Verdict, string> = { pass: 'ok', drop: 'neutral', unknown: 'warn' };

function EventRow({ check, expression }: { check: EventCheck; expression: string }) {
  const { store, bridge } = useEngine();
  const open = () => {
    store.getState().openDialog(null);
    void openExchange(store, bridge, check.exchangeId);
  };
  return (
    <li className="filter-event" data-testid="filter-preview-event" data-verdict={check.verdict}>
      <div className="filter-event__head">
        <span className={`pill pill--${TONE[check.verdict]}`}>{VERDICT[check.verdict]}</span>
        <span className="muted">{formatClock(check.receivedAt)}</span>
        <button type="button" className="link-button" onClick={open} data-testid="filter-preview-open">
          {check.displayMessage || check.uuid}
        </button>
      </div>
      <ul className="filter-event__because" data-testid="filter-preview-because">
        {check.because.map((part, index) => (
          <li key={index} title={expression.slice(part.span.start, part.span.end)}>
            {part.text}
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * What the expression makes of the captured events of its type: how many it lets through, and
 * the newest of each verdict with the part of the expression that decided it.
 */
export function PreviewList({ tried }: { tried: Tried }) {
  const { preview, expression } = tried;
  const { pass, drop, unknown } = preview.counts;
  return (
    <section className="filter-preview" data-testid="filter-preview">
      <p
        className="filter-preview__summary"
        data-testid="filter-preview-summary"
        data-pass={pass}
        data-total={pass + drop + unknown}
      >
        {previewSummary(preview)}
      </p>
      {preview.events.length > 0 && (
        <ul className="filter-preview__events">
          {preview.events.map((check) => (
            <EventRow key={`${check.exchangeId}:${check.uuid}`} check={check} expression={expression} />
          ))}
        </ul>
      )}
    </section>
  );
}
