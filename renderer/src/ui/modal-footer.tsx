import type { ReactNode } from 'react';

/**
 * A dialog's last lines: what went wrong, if anything, then Cancel and the main action. They
 * stay in view at the bottom of a dialog taller than the window, which scrolls under them.
 */
export function ModalFooter(props: {
  error: string | null;
  errorTestId?: string;
  onCancel: () => void;
  /** The main action's button. */
  children: ReactNode;
}) {
  return (
    <div className="modal__footer">
      {props.error && (
        <p className="form-error" role="alert" data-testid={props.errorTestId}>
          {props.error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        {props.children}
      </div>
    </div>
  );
}
