import { useState } from 'react';
import type { FilterView } from '../../../../shared/model/hook-filter';
import { useAppStore, useEngine } from '../../store/store-context';
import { Modal } from '../../ui/modal';
import { FilterForm, type FilterDraft } from './filter-form';
import { runText } from './filter-text';

const EXAMPLE: FilterDraft = {
  name: '',
  entries: [{ eventType: 'group.user_membership.add', expression: '' }],
  saved: null,
};

/** A hook's filter is the org's: editing it makes a saved copy, named after the hook. */
function draftOf(filter: FilterView): FilterDraft {
  if (filter.source.kind === 'saved')
    return { name: filter.name, entries: filter.entries, saved: filter.name };
  const name = filter.source.hookName.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return { name: `${name || 'hook'}-copy`.slice(0, 64), entries: filter.entries, saved: null };
}

function FilterItem({ filter, onEdit }: { filter: FilterView; onEdit: () => void }) {
  const [problem] = filter.problems;
  return (
    <li className="filter-item" data-testid="filter-item" data-name={filter.name} data-run={filter.run.state}>
      <button type="button" className="link-button" onClick={onEdit}>
        {filter.source.kind === 'hook' ? `${filter.source.hookName} (hook)` : filter.name}
      </button>
      <span className="muted" data-testid="filter-item-run">
        {runText(filter.run)}
      </span>
      {problem && (
        <span className={`pill pill--${problem.severity === 'error' ? 'bad' : 'warn'}`}>
          {problem.message}
        </span>
      )}
    </li>
  );
}

export function FiltersPanel() {
  const { store } = useEngine();
  const filters = useAppStore((state) => state.hookFilters?.filters) ?? [];
  const [draft, setDraft] = useState<FilterDraft>(EXAMPLE);
  const [edition, setEdition] = useState(0);
  const edit = (next: FilterDraft) => {
    setDraft(next);
    setEdition((n) => n + 1);
  };
  const close = () => store.getState().openDialog(null);
  return (
    <Modal title="Event hook filters" testId="filters-dialog" onClose={close} className="modal--wide">
      <p className="muted">
        Okta delivers an event to a hook only when the hook&apos;s condition for its type is true. Try one on
        the events you captured; what Okta&apos;s documentation leaves out is flagged, never guessed.
      </p>
      <div className="filters-layout">
        <aside className="filters-list">
          <ul data-testid="filter-list">
            {filters.map((filter) => (
              <FilterItem key={filter.name} filter={filter} onEdit={() => edit(draftOf(filter))} />
            ))}
          </ul>
          <button
            type="button"
            className="button button--small"
            onClick={() => edit(EXAMPLE)}
            data-testid="filter-new"
          >
            New filter
          </button>
        </aside>
        <FilterForm key={edition} draft={draft} onSaved={(saved) => edit(saved ?? EXAMPLE)} />
      </div>
    </Modal>
  );
}
