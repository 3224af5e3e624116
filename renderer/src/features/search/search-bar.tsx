import { useEffect, useRef, useState, type KeyboardEvent, type RefObject, type SyntheticEvent } from 'react';
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

/** Event types in the rows held, offered first when completing `type:`. */
const seenTypes = (state: AppState) => [
  ...new Set(state.window.flatMap((id) => state.byId[id]?.eventTypes ?? [])),
];

const LISTBOX_ID = 'search-suggestions';
const optionId = (index: number) => `${LISTBOX_ID}-${index}`;

function SuggestionList(props: { items: Suggestion[]; active: number; onPick: (item: Suggestion) => void }) {
  return (
    <ul className="suggestions" id={LISTBOX_ID} role="listbox" data-testid="suggestions">
      {props.items.map((item, index) => (
        <li
          key={item.text}
          id={optionId(index)}
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

/** The text in the box: applied once typing pauses; a change made elsewhere replaces it. */
function useDraft() {
  const query = useAppStore(selectQuery);
  const { store } = useEngine();
  const [draft, setDraft] = useState({ base: query, text: query });
  const text = draft.base === query ? draft.text : query;
  useEffect(() => {
    if (draft.base !== query || draft.text === query) return;
    const timer = setTimeout(() => store.getState().setQuery(draft.text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, query, store]);
  return {
    text,
    edit: (next: string) => setDraft({ base: query, text: next }),
    apply: (next: string) => {
      setDraft({ base: next, text: next });
      store.getState().setQuery(next);
    },
  };
}

/**
 * Completions for the token at the caret, as the WAI-ARIA combobox pattern has them
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): none is chosen until the arrows move
 * into the list, so Enter applies what was typed unless a suggestion was chosen; Tab completes
 * with the chosen one, or the first.
 */
function useCompletions(
  text: string,
  edit: (next: string) => void,
  input: RefObject<HTMLInputElement | null>,
) {
  const { store } = useEngine();
  const [caret, setCaret] = useState<number | null>(null);
  /** The suggestion chosen with the arrows; -1 while none is. */
  const [active, setActive] = useState(-1);
  const found = caret === null ? null : suggest(text, caret, seenTypes(store.getState()));
  const items = found?.items ?? [];
  const pick = (item: Suggestion) => {
    if (!found) return;
    const spaced = item.text.endsWith(':') ? item.text : `${item.text} `;
    const next = `${text.slice(0, found.span.start)}${spaced}${text.slice(found.span.end).trimStart()}`;
    edit(next);
    setCaret(found.span.start + spaced.length);
    setActive(-1);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.length, next.length));
  };
  /** True when the key was about the completions. */
  const onKey = (event: KeyboardEvent<HTMLInputElement>): boolean => {
    if (items.length === 0) return false;
    const chosen = items[active];
    if (event.key === 'ArrowDown') setActive((i) => (i + 1) % items.length);
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? items.length : i) - 1);
    else if (event.key === 'Enter' && chosen) pick(chosen);
    else if (event.key === 'Tab' && !event.shiftKey) pick(chosen ?? (items[0] as Suggestion));
    else if (event.key === 'Escape') setCaret(null);
    else return false;
    event.preventDefault();
    return true;
  };
  /** Where the caret was last seen, so that a key or click that leaves it there changes nothing. */
  const seen = useRef<number | null>(null);
  /** The caret moved or the text changed: a new list, nothing chosen in it. */
  const moved = (at: number | null) => {
    if (at !== null) seen.current = at;
    setCaret(at);
    setActive(-1);
  };
  // The runtime's onSelect is the DOM's `select` event, for a selected range only: a caret moved
  // by a key (Home, the arrows) or a click is seen as that key or click ends.
  const selected = (at: number | null) => {
    if (at !== seen.current) moved(at);
  };
  /** Focus left: wherever the caret is when it comes back is news. */
  const blurred = () => {
    seen.current = null;
    moved(null);
  };
  return { items, active, pick, onKey, moved, selected, blurred };
}

/**
 * The search box: free text and filters in one syntax, completions for keys, values and event
 * types, and the parsed query as chips.
 */
export function SearchBar({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { text, edit, apply } = useDraft();
  const completions = useCompletions(text, edit, inputRef);
  const caretMoved = (event: SyntheticEvent<HTMLInputElement>) =>
    completions.selected(event.currentTarget.selectionStart);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (completions.onKey(event)) return;
    if (event.key === 'Enter') {
      apply(text);
      // Applied: close the completions, which would cover the chips and the timeline.
      completions.moved(null);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.currentTarget.blur();
    }
  };
  return (
    <div className="search" data-testid="search">
      <div className="search__row">
        <div className="search__box">
          <SearchIcon />
          <input
            ref={inputRef}
            className="search__input"
            value={text}
            spellCheck="false"
            placeholder="Search headers and bodies, or filter: type:user.session status:4xx next:will-retry"
            aria-label="Search and filter"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={completions.items.length > 0}
            aria-controls={LISTBOX_ID}
            {...(completions.active >= 0 ? { 'aria-activedescendant': optionId(completions.active) } : {})}
            onChange={(event) => {
              edit(event.target.value);
              completions.moved(event.target.selectionStart);
            }}
            onSelect={caretMoved}
            onKeyUp={caretMoved}
            onMouseUp={caretMoved}
            onBlur={completions.blurred}
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
            <SuggestionList items={completions.items} active={completions.active} onPick={completions.pick} />
          )}
        </div>
        <FilterMenu />
      </div>
      <QueryChips query={text} onRemove={(span: Span) => apply(removeSpan(text, span))} />
    </div>
  );
}
