import { useCallback, useMemo, useState } from 'react';
import { EVENT_HOOK_ELIGIBLE_TYPES } from '../../../../shared/okta/event-types';
import { addFilter } from '../../../../shared/query/query-edit';
import {
  AUTH_VALUES,
  KIND_VALUES,
  NEXT_VALUES,
  ORIGIN_VALUES,
  STATUS_CLASSES,
} from '../../../../shared/query/query-terms';
import { selectQuery } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { AUTH_WORDS } from '../../ui/auth-label';
import { useDismiss } from '../../ui/use-dismiss';

/** A one-click filter: its key and value in the search syntax, and its words where the list has its own. */
type Option = [key: string, value: string, words?: { text: string; title: string }];

/** Groups of one-click filters, in the words of the search syntax or, for auth, of the list's badges. */
const GROUPS: { title: string; options: Option[] }[] = [
  { title: "Okta's next move", options: NEXT_VALUES.map((v) => ['next', v]) },
  { title: 'Status', options: [...STATUS_CLASSES, 'none'].map((v) => ['status', v]) },
  { title: 'Auth', options: AUTH_VALUES.map((v) => ['auth', v, AUTH_WORDS[v]]) },
  {
    title: 'Deliveries',
    options: [
      ['is', 'redelivery'],
      ['is', 'dup'],
      ['is', 'out-of-order'],
      ['has', 'problems'],
      ['is', 'pinned'],
    ],
  },
  { title: 'Kind', options: KIND_VALUES.map((v) => ['kind', v]) },
  { title: 'Origin', options: ORIGIN_VALUES.map((v) => ['origin', v]) },
  { title: 'Received', options: ['15m', '1h', '24h', '7d'].map((v) => ['after', v]) },
];

function EventTypePicker(props: { onPick: (type: string) => void }) {
  const [search, setSearch] = useState('');
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return needle === ''
      ? []
      : EVENT_HOOK_ELIGIBLE_TYPES.filter((type) => type.includes(needle)).slice(0, 40);
  }, [search]);
  return (
    <div className="filter-menu__types">
      <input
        placeholder={`Event type (${EVENT_HOOK_ELIGIBLE_TYPES.length} Okta can deliver)…`}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          const [first] = matches;
          if (event.key === 'Enter' && first !== undefined) props.onPick(first);
        }}
        data-testid="filter-type-search"
      />
      {matches.length > 0 && (
        <div className="type-list" data-testid="filter-type-matches">
          {matches.map((type) => (
            <button key={type} type="button" className="chip" onClick={() => props.onPick(type)}>
              {type}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** Add a filter without typing: every key of the syntax, its values one click away. */
export function FilterMenu() {
  const [open, setOpen] = useState(false);
  const query = useAppStore(selectQuery);
  const { store } = useEngine();
  const close = useCallback(() => setOpen(false), []);
  const ref = useDismiss<HTMLDivElement>(open, close);
  const add = (key: string, value: string) => {
    store.getState().setQuery(addFilter(store.getState().query, key, value));
    setOpen(false);
  };
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="add-filter"
      >
        + Filter
      </button>
      {open && (
        <div className="menu__panel filter-menu" data-testid="filter-menu">
          <EventTypePicker onPick={(type) => add('type', type)} />
          {GROUPS.map((group) => (
            <section key={group.title} className="filter-menu__group">
              <h3 className="menu__title">{group.title}</h3>
              <div className="filter-menu__options">
                {group.options.map(([key, value, words]) => {
                  const token = `${key}:${value}`;
                  const active = query.split(/\s+/).includes(token);
                  return (
                    <button
                      key={token}
                      type="button"
                      className={`chip${active ? ' chip--on' : ''}`}
                      aria-pressed={active}
                      onClick={() => add(key, value)}
                      title={words ? `${token}: ${words.title}` : token}
                      data-testid="filter-option"
                      data-filter={token}
                    >
                      {words?.text ?? value}
                    </button>
                  );
                })}
              </div>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
