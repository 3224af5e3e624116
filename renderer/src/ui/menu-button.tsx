import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useDismiss } from './use-dismiss';

const ITEMS = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled])';

/** The key's move among `count` items from `at` (-1: none focused), or undefined for other keys. */
function moved(key: string, at: number, count: number): number | undefined {
  const to = { ArrowDown: at + 1, ArrowUp: at < 0 ? count - 1 : at - 1, Home: 0, End: count - 1 }[key];
  return to === undefined ? undefined : (to + count) % count;
}

/**
 * A button that opens a small panel of actions under it: where secondary actions go so that
 * nothing overlaps in a narrow window. It opens with its first action focused; the arrow keys,
 * Home and End move among the actions; Escape or a click outside closes it (Escape gives focus
 * back to the button). `children` gets `close` for actions that should.
 */
export function MenuButton(props: {
  label: ReactNode;
  testId: string;
  /** Names the panel for screen readers. */
  panelLabel: string;
  title?: string;
  small?: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const ref = useDismiss<HTMLDivElement>(open, close);
  const items = () => [...(panel.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
  useLayoutEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);
  const onPanelKey = (event: KeyboardEvent<HTMLDivElement>) => {
    // useDismiss closes the panel on Escape; focus goes back where the menu was opened.
    if (event.key === 'Escape') button.current?.focus();
    const list = items();
    const to = moved(event.key, list.indexOf(document.activeElement as HTMLElement), list.length);
    if (to === undefined || list.length === 0) return;
    event.preventDefault();
    list[to]?.focus();
  };
  return (
    <div className="menu" ref={ref}>
      <button
        ref={button}
        type="button"
        className={props.small ? 'button button--small' : 'button'}
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title={props.title}
        data-testid={props.testId}
      >
        {props.label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={panel}
          onKeyDown={onPanelKey}
          className="menu__panel menu__panel--list"
          aria-label={props.panelLabel}
          data-testid={`${props.testId}-panel`}
        >
          {props.children(close)}
        </div>
      )}
    </div>
  );
}
