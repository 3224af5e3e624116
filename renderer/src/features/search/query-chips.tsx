import { parseQuery } from '../../../../shared/query/query-parser';
import type { Span } from '../../../../shared/query/query-terms';
import { CloseIcon } from '../../ui/icons';

interface Chip {
  key: string;
  value: string;
  span: Span;
  negated: boolean;
  problem?: string;
}

function chipsOf(query: string): Chip[] {
  const { terms, problems } = parseQuery(query);
  const chips: Chip[] = [
    ...terms.map((term) => {
      const body = term.raw.replace(/^-/, '');
      const colon = term.key === 'text' ? -1 : body.indexOf(':');
      return {
        key: term.key === 'text' ? 'text' : body.slice(0, colon),
        value: term.key === 'text' ? body : body.slice(colon + 1),
        span: term.span,
        negated: term.negated,
      };
    }),
    ...problems.map((problem) => ({
      key: '',
      value: problem.raw,
      span: problem.span,
      negated: false,
      problem: problem.message,
    })),
  ];
  return chips.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The query as the engine reads it, one removable chip per term: filters show key and value,
 * free text shows what is searched for, and anything unreadable is marked with the reason.
 */
export function QueryChips(props: { query: string; onRemove: (span: Span) => void }) {
  const chips = chipsOf(props.query);
  if (chips.length === 0) return null;
  return (
    <>
      <ChipList chips={chips} onRemove={props.onRemove} />
      <Problems chips={chips} />
    </>
  );
}

/** What the engine ignores, and why, in words under the chips (not only in a tooltip). */
function Problems({ chips }: { chips: Chip[] }) {
  const ignored = chips.filter((chip) => chip.problem !== undefined);
  if (ignored.length === 0) return null;
  return (
    <ul className="search__problems" role="status" data-testid="query-problem">
      {ignored.map((chip) => (
        <li key={`${chip.span.start}-${chip.span.end}`}>
          <code>{chip.value}</code> is ignored: {chip.problem}.
        </li>
      ))}
    </ul>
  );
}

function ChipList(props: { chips: Chip[]; onRemove: (span: Span) => void }) {
  const { chips } = props;
  return (
    <ul className="chips" data-testid="query-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li
          key={`${chip.span.start}-${chip.span.end}`}
          className={`qchip${chip.problem ? ' qchip--problem' : ''}${chip.negated ? ' qchip--negated' : ''}`}
          title={chip.problem ?? (chip.negated ? 'Excluded' : undefined)}
          data-testid="query-chip"
          data-key={chip.key}
        >
          {chip.negated && <span className="qchip__not">not</span>}
          {chip.key === 'text' ? (
            <span className="qchip__value">“{chip.value}”</span>
          ) : (
            <>
              {chip.key !== '' && <span className="qchip__key">{chip.key}</span>}
              <span className="qchip__value">{chip.value}</span>
            </>
          )}
          <button
            type="button"
            className="qchip__remove"
            aria-label={`Remove ${chip.key || 'filter'} ${chip.value}`}
            onClick={() => props.onRemove(chip.span)}
            data-testid="remove-chip"
          >
            <CloseIcon />
          </button>
        </li>
      ))}
    </ul>
  );
}
