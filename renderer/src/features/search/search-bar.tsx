import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { removeSpan } from '../../../../shared/query/query-edit';
import type { Span } from '../../../../shared/query/query-terms';
import type { AppState } from '../../store/create-app-store';
import { selectQuery } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { CloseIcon, SearchIcon } from '../../ui/icons';
import { FilterMenu } from './filter-menu';
import { QueryChips } from './query-chips';
import { suggest, type Suggestion } from './suggestions';

/** Typing settles this long before the list reloads. */
const DEBOUNCE_MS = 200;

/** Event types in the loaded rows, offered first when completing `type:`. */
const seenTypes = (state: AppState) => [
  ...new Set(state.order.flatMap((id) => state.byId[id]?.eventTypes ?? [])),
];

function SuggestionList(props: { items: Suggestion[]; active: number; onPick: (item: Suggestion) => void }) {
  return (
    <ul className="suggestions" role="listbox" data-testid="suggestions">
      {props.items.map((item, index) => (
        <li
          key={item.text}
          role="option"
          aria-selected={index === props.active}
          className={
            index === props.active ? 'suggestions__item suggestions__item--active' : 'suggestions__item'
          }
          // Keep focus in the input: pick on mousedown, before the blur.
          onMouseDown={(event) => {
            event.preventDefault();
            props.onPick(item);
          }}
        >
          <span className="mono">{item.label}</span>
          {item.hint && <span className="muted">{item.hint}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The search box: free text and filters in one syntax, completions for keys, values and event
 * types, and the parsed query as chips. The text is applied (and the list reloaded) once typing
 * pauses or on Enter; a change from elsewhere (a chip, the filter menu, the timeline) replaces it.
 */
export function SearchBar({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const query = useAppStore(selectQuery);
  const { store } = useEngine();
  const [draft, setDraft] = useState({ base: query, text: query });
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const text = draft.base === query ? draft.text : query;

  useEffect(() => {
    if (draft.base !== query || draft.text === query) return;
    const timer = setTimeout(() => store.getState().setQuery(draft.text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, query, store]);

  const completions =
    caret === null
      ? { span: { start: 0, end: 0 }, items: [] }
      : suggest(text, caret, seenTypes(store.getState()));
  const edit = (next: string, at: number | null = null) => {
    setDraft({ base: query, text: next });
    setCaret(at);
    setActive(0);
  };
  const apply = (next: string) => {
    setDraft({ base: next, text: next });
    store.getState().setQuery(next);
  };
  const pick = (item: Suggestion) => {
    const { span } = completions;
    const next = `${text.slice(0, span.start)}${item.text}${item.text.endsWith(':') ? '' : ' '}${text.slice(span.end).trimStart()}`;
    edit(next, span.start + item.text.length + (item.text.endsWith(':') ? 0 : 1));
    requestAnimationFrame(() => inputRef.current?.setSelectionRange(next.length, next.length));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const items = completions.items;
    if (items.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (items.length > 0 && (event.key === 'Tab' || event.key === 'Enter')) {
      event.preventDefault();
      pick(items[active] ?? (items[0] as Suggestion));
    } else if (event.key === 'Enter') apply(text);
    else if (event.key === 'Escape') {
      event.preventDefault();
      if (items.length > 0) setCaret(null);
      else event.currentTarget.blur();
    }
  };
  const removeChip = (span: Span) => apply(removeSpan(text, span));

  return (
    <div className="search" data-testid="search">
      <div className="search__row">
        <div className="search__box">
          <SearchIcon />
          <input
            ref={inputRef}
            className="search__input"
            value={text}
            spellCheck={false}
            placeholder="Search headers and bodies, or filter: type:user.session.start status:4xx next:will-retry"
            aria-label="Search and filter"
            onChange={(event) => edit(event.target.value, event.target.selectionStart)}
            onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
            onBlur={() => setCaret(null)}
            onKeyDown={onKeyDown}
            data-testid="search-input"
          />
          {text !== '' && (
            <button
              type="button"
              className="search__clear"
              aria-label="Clear the search"
              onClick={() => apply('')}
              data-testid="clear-search"
            >
              <CloseIcon />
            </button>
          )}
          {completions.items.length > 0 && (
            <SuggestionList items={completions.items} active={active} onPick={pick} />
          )}
        </div>
        <FilterMenu />
      </div>
      <QueryChips query={text} onRemove={removeChip} />
    </div>
  );
}
