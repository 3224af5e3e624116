import { useId } from 'react';
import type { FilterEntry } from '../../../../shared/model/hook-filter';
import { EVENT_HOOK_ELIGIBLE_TYPES } from '../../../../shared/okta/event-types';
import { ExpressionField } from './expression-field';
import { PreviewList } from './preview-list';
import { useFieldCatalog, useFilterPreview } from './use-filter-preview';

interface Props {
  entry: FilterEntry;
  onChange: (entry: FilterEntry) => void;
  onRemove: (() => void) | null;
}

/** One event type of a filter: its condition, and what it makes of the captured events. */
export function EntryEditor({ entry, onChange, onRemove }: Props) {
  const types = useId();
  const catalog = useFieldCatalog(entry.eventType);
  const { tried, error } = useFilterPreview(entry.eventType, entry.expression);
  return (
    <fieldset className="filter-entry" data-testid="filter-entry">
      <div className="filter-entry__type">
        <label className="field">
          <span>Event type</span>
          <input
            className="mono"
            list={types}
            value={entry.eventType}
            onChange={(e) => onChange({ ...entry, eventType: e.target.value.trim() })}
            data-testid="filter-event-type"
          />
          <datalist id={types}>
            {EVENT_HOOK_ELIGIBLE_TYPES.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
        </label>
        {onRemove && (
          <button type="button" className="button button--small" onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      <ExpressionField
        value={entry.expression}
        catalog={catalog}
        onChange={(expression) => onChange({ ...entry, expression })}
      />
      {error && <p className="form-error">{error}</p>}
      {tried && <PreviewList tried={tried} />}
    </fieldset>
  );
}
