import { useState } from 'react';
import { FILTER_NAME, type FilterEntry } from '../../../../shared/model/hook-filter';
import { compileFilter } from '../../../../shared/okta/filter/event-filter';
import { deleteFilter, saveFilter, showInList } from '../../store/hook-filter-commands';
import { useEngine } from '../../store/store-context';
import { EntryEditor } from './entry-editor';
import { HookFilterActions } from './hook-filter-actions';

/** What is being edited: a name and one condition per event type, like a hook's filter map. */
export interface FilterDraft {
  name: string;
  entries: FilterEntry[];
  /** The saved filter it was opened from, if any. */
  saved: string | null;
}

const parses = (entry: FilterEntry) =>
  entry.eventType !== '' && !compileFilter(entry.expression).diagnostics.some((d) => d.severity === 'error');

/** Edit a filter, try it on the captured events, keep it, list what it lets through, set it on a hook. */
export function FilterForm(props: { draft: FilterDraft; onSaved: (saved: FilterDraft | null) => void }) {
  const { draft, onSaved } = props;
  const { store, bridge } = useEngine();
  const [name, setName] = useState(draft.name);
  const [entries, setEntries] = useState(draft.entries);
  const [error, setError] = useState<string | null>(null);
  const valid = entries.length > 0 && entries.every(parses);
  const update = (index: number, entry: FilterEntry) =>
    setEntries((current) => current.map((known, at) => (at === index ? entry : known)));
  const save = async () => {
    const replaces = draft.saved !== null && draft.saved !== name ? { replaces: draft.saved } : {};
    const result = await saveFilter(bridge, { name, entries, ...replaces });
    setError(result.ok ? null : result.error.message);
    if (result.ok) onSaved({ name, entries, saved: name });
  };
  const remove = async () => {
    if (draft.saved === null) return;
    const result = await deleteFilter(bridge, draft.saved);
    setError(result.ok ? null : result.error.message);
    if (result.ok) onSaved(null);
  };
  return (
    <div className="filter-form" data-testid="filter-form">
      <label className="field">
        <span>Name (search with filter:name)</span>
        <input value={name} onChange={(e) => setName(e.target.value.trim())} data-testid="filter-name" />
      </label>
      {entries.map((entry, index) => (
        <EntryEditor
          key={index}
          entry={entry}
          onChange={(next) => update(index, next)}
          onRemove={entries.length > 1 ? () => setEntries(entries.filter((_, at) => at !== index)) : null}
        />
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => setEntries([...entries, { eventType: '', expression: '' }])}
        data-testid="filter-add-type"
      >
        Add an event type
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="filter-error">
          {error}
        </p>
      )}
      <div className="filter-form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!valid || !FILTER_NAME.test(name)}
          onClick={() => void save()}
          data-testid="filter-save"
        >
          Save
        </button>
        <button
          type="button"
          className="button"
          disabled={draft.saved === null}
          onClick={() => showInList(store, draft.saved ?? name)}
          data-testid="filter-show"
        >
          List what it lets through
        </button>
        {draft.saved !== null && (
          <button type="button" className="button" onClick={() => void remove()} data-testid="filter-delete">
            Delete
          </button>
        )}
      </div>
      <HookFilterActions entries={entries} valid={valid} />
    </div>
  );
}
