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
        <button type="submit" className="button button--danger" data-autofocus data-testid="confirm-accept">
          {confirming.confirmLabel}
        </button>
      </ModalFooter>
    </Modal>
  );
}
