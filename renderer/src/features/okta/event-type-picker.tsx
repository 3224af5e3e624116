import { useMemo, useState } from 'react';
import { MAX_HOOK_EVENT_TYPES } from '../../../../shared/okta/event-hook';
import { EVENT_HOOK_ELIGIBLE_TYPES } from '../../../../shared/okta/event-types';
import { FEATURED_SAMPLE_TYPES } from '../../../../shared/okta/sample-templates';
import { TypeChips } from '../../ui/type-chips';

/** The hook's subscriptions: common types at hand, all 314 by search, 300 at most (https://developer.okta.com/docs/guides/hooks-best-practices/#limits-duplicates-and-order-of-hook-calls). */
export function EventTypePicker(props: { selected: string[]; onChange: (types: string[]) => void }) {
  const [search, setSearch] = useState('');
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return needle === '' ? [] : EVENT_HOOK_ELIGIBLE_TYPES.filter((type) => type.includes(needle));
  }, [search]);
  const toggle = (type: string) =>
    props.onChange(
      props.selected.includes(type)
        ? props.selected.filter((known) => known !== type)
        : [...props.selected, type].slice(0, MAX_HOOK_EVENT_TYPES),
    );
  const addAll = () =>
    props.onChange([...new Set([...props.selected, ...matches])].slice(0, MAX_HOOK_EVENT_TYPES));
  return (
    <div className="type-picker" data-testid="okta-types">
      <div className="type-picker__head">
        <span className="section-title">Event types</span>
        <span className="muted" data-testid="okta-types-count">
          {props.selected.length} of {MAX_HOOK_EVENT_TYPES} at most, from {EVENT_HOOK_ELIGIBLE_TYPES.length}{' '}
          Okta can deliver
        </span>
      </div>
      {props.selected.length > 0 && (
        <TypeChips
          types={props.selected}
          selected={props.selected}
          onToggle={toggle}
          testId="okta-types-selected"
        />
      )}
      <span className="muted">Common ones; click to add or remove</span>
      <TypeChips
        types={FEATURED_SAMPLE_TYPES.filter((type) => !props.selected.includes(type))}
        selected={props.selected}
        onToggle={toggle}
        testId="okta-types-common"
      />
      <div className="type-picker__search">
        <input
          placeholder="Search all event types, e.g. group or mfa"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="okta-types-search"
        />
        {matches.length > 0 && (
          <button type="button" className="button button--small" onClick={addAll}>
            Add all {matches.length}
          </button>
        )}
      </div>
      {matches.length > 0 && (
        <TypeChips types={matches} selected={props.selected} onToggle={toggle} testId="okta-types-matches" />
      )}
    </div>
  );
}
