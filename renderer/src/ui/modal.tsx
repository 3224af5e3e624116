import { useId, type ReactNode } from 'react';
import { useDialogFocus, type InitialFocus } from './dialog-focus';
import { useDismiss } from './use-dismiss';

export interface ModalProps {
  title: string;
  testId: string;
  onClose: () => void;
  /** Extra classes for the panel, such as `modal--wide`. */
  className?: string;
  /** Makes the content a form, so Enter in a field submits it. */
  onSubmit?: () => void;
  /** Shown on the title's line, at the end (a Close button). */
  titleAside?: ReactNode;
  /** Where focus goes when it opens (its first control unless said). */
  initialFocus?: InitialFocus;
  children: ReactNode;
}

/** A dialog over the app; Escape or a click outside closes it; it holds the keyboard's focus. */
export function Modal({
  title,
  testId,
  onClose,
  className,
  onSubmit,
  titleAside,
  initialFocus = 'control',
  children,
}: ModalProps) {
  const titleId = useId();
  const panel = useDismiss<HTMLDivElement>(true, onClose);
  useDialogFocus(panel, initialFocus);
  const heading = <h2 id={titleId}>{title}</h2>;
  const content = (
    <>
      {titleAside ? (
        <header className="modal__head">
          {heading}
          {titleAside}
        </header>
      ) : (
        heading
      )}
      {children}
    </>
  );
  return (
    <div className="modal-backdrop">
      <div
        className={className ? `modal ${className}` : 'modal'}
        ref={panel}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        {onSubmit ? (
          <form
            className="modal__form"
            onSubmit={(event) => {
              event.preventDefault();
              onSubmit();
            }}
          >
            {content}
          </form>
        ) : (
          content
        )}
      </div>
    </div>
  );
}
