import { useEffect, useRef } from 'react';
import { answerConfirm } from '../store/confirm';
import type { AppState } from '../store/create-app-store';
import { useAppStore, useEngine } from '../store/store-context';
import { Modal } from './modal';
import { ModalFooter } from './modal-footer';

const selectConfirming = (state: AppState) => state.confirming;

/** Every confirmation in the app: a question, Cancel (or Escape), and the action (Enter). */
export function ConfirmDialog() {
  const confirming = useAppStore(selectConfirming);
  const { store } = useEngine();
  const accept = useRef<HTMLButtonElement>(null);
  // Focused here rather than by `autoFocus`: the runtime (preact/compat) only sets the
  // attribute, which a browser honours once per page, not for every dialog.
  useEffect(() => accept.current?.focus(), [confirming]);
  if (!confirming) return null;
  const cancel = () => answerConfirm(store, false);
  return (
    <Modal
      title={confirming.title}
      testId="confirm-dialog"
      onClose={cancel}
      onSubmit={() => answerConfirm(store, true)}
    >
      <p className="confirm__message">{confirming.message}</p>
      <ModalFooter error={null} onCancel={cancel}>
        <button type="submit" className="button button--danger" ref={accept} data-testid="confirm-accept">
          {confirming.confirmLabel}
        </button>
      </ModalFooter>
    </Modal>
  );
}
