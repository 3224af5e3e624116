import { useMemo, useState, type SyntheticEvent } from 'react';
import { complete, type Completion } from '../../../../shared/okta/filter/el-complete';
import { compileFilter } from '../../../../shared/okta/filter/event-filter';
import type { FieldCatalog } from '../../../../shared/okta/filter/field-catalog';
import { diagnosticText } from './filter-text';

interface Props {
  value: string;
  catalog: FieldCatalog | null;
  onChange: (value: string) => void;
}

/**
 * The expression, checked as it is typed (syntax, and what lies outside the subset Okta
 * documents), with completion of the fields and values the captured events have: Tab or a
 * click takes a suggestion.
 */
export function ExpressionField({ value, catalog, onChange }: Props) {
  const [caret, setCaret] = useState(value.length);
  const diagnostics = useMemo(() => compileFilter(value).diagnostics, [value]);
  const completions = useMemo(() => complete(value, caret, catalog), [value, caret, catalog]);
  const take = (item: Completion) => {
    const { start, end } = completions.span;
    onChange(value.slice(0, start) + item.insert + value.slice(end));
    setCaret(start + item.insert.length);
  };
  // The runtime's onSelect is the DOM's `select` event, for a selected range only: a caret moved
  // by a key (the arrows) or a click is seen as that key or click ends.
  const caretMoved = (e: SyntheticEvent<HTMLTextAreaElement>) => setCaret(e.currentTarget.selectionStart);
  const state = value.trim() === '' ? 'empty' : (diagnostics[0]?.severity ?? 'ok');
  return (
    <div className="filter-expression">
      <label className="field">
        <span>Condition (Okta Expression Language)</span>
        <textarea
          className="mono"
          rows={3}
          spellCheck="false"
          value={value}
          placeholder="event.target.?[type eq 'UserGroup'].size() > 0"
          onChange={(e) => {
            onChange(e.target.value);
            setCaret(e.target.selectionStart);
          }}
          onSelect={caretMoved}
          onKeyUp={caretMoved}
          onMouseUp={caretMoved}
          onKeyDown={(e) => {
            const first = completions.items[0];
            if (e.key === 'Tab' && !e.shiftKey && first) {
              e.preventDefault();
              take(first);
            }
          }}
          data-testid="filter-expression"
        />
      </label>
      <p className={`filter-check filter-check--${state}`} data-testid="filter-check" data-state={state}>
        {state === 'empty'
          ? 'Write a condition; Okta delivers an event of this type only when it is true.'
          : state === 'ok'
            ? 'Inside the subset Okta documents: checked here exactly as Okta would.'
            : diagnostics.map(diagnosticText).join(' · ')}
      </p>
      {completions.items.length > 0 && (
        <ul className="filter-completions" data-testid="filter-completions">
          {completions.items.map((item) => (
            <li key={`${item.kind}:${item.label}`}>
              <button
                type="button"
                className="link-button mono"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => take(item)}
                data-testid="filter-completion"
              >
                {item.label}
              </button>{' '}
              <span className="muted">{item.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
