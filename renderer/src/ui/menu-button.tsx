import { useCallback, useState, type ReactNode } from 'react';
import { useDismiss } from './use-dismiss';

/**
 * A button that opens a small panel of actions under it: where secondary actions go so that
 * nothing overlaps in a narrow window. Escape or a click outside closes it; `children` gets
 * `close` for actions that should.
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
  const close = useCallback(() => setOpen(false), []);
  const ref = useDismiss<HTMLDivElement>(open, close);
  return (
    <div className="menu" ref={ref}>
      <button
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
