import { useId, type ReactNode } from 'react';
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
  children: ReactNode;
}

/** A dialog over the app; Escape or a click outside closes it. */
export function Modal({ title, testId, onClose, className, onSubmit, titleAside, children }: ModalProps) {
  const titleId = useId();
  const panel = useDismiss<HTMLDivElement>(true, onClose);
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
