import { useEngine } from '../../store/store-context';

/** The replay dialogs' last lines: what went wrong, Cancel and Send. */
export function ReplayFooter(props: {
  error: string | null;
  sending: boolean;
  label: string;
  onSend: () => void;
}) {
  const { store } = useEngine();
  return (
    <>
      {props.error && (
        <p className="form-error" role="alert" data-testid="replay-error">
          {props.error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => store.getState().openDialog(null)}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={props.sending}
          onClick={props.onSend}
          data-testid="replay-send"
        >
          {props.sending ? 'Sending…' : props.label}
        </button>
      </div>
    </>
  );
}
