import { useState } from 'react';
import type { Exchange } from '../../../../shared/model/exchange';
import { selectSettings } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { HeaderRowsEditor } from '../../ui/header-rows-editor';
import { Modal } from '../../ui/modal';
import { ModalFooter } from '../../ui/modal-footer';
import { BodyEditor } from './body-editor';
import { initialDraft, replayInput, type ReplayDraft } from './replay-draft';
import { SendButton, SendFields } from './send-fields';
import { sendReplay } from './send-replay';
import { TargetPicker } from './target-picker';

/** Resend one captured request, as it was or edited, to the handler, the receiver or any URL. */
export function ReplayDialog({ exchange }: { exchange: Exchange }) {
  const settings = useAppStore(selectSettings);
  const { store, bridge } = useEngine();
  const [draft, setDraft] = useState<ReplayDraft>(() =>
    initialDraft(exchange, Boolean(settings?.forward.target)),
  );
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const close = () => store.getState().openDialog(null);
  const set = <K extends keyof ReplayDraft>(key: K, value: ReplayDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const send = async () => {
    setSending(true);
    setError(await sendReplay(store, bridge, replayInput(exchange, draft)));
    setSending(false);
  };
  return (
    <Modal
      title={`Replay ${exchange.request.method} ${exchange.request.path}`}
      testId="replay-dialog"
      onClose={close}
      className="modal--wide"
    >
      <TargetPicker
        options={draft.send}
        forwardTarget={settings?.forward.target ?? null}
        onChange={(options) => set('send', options)}
      />
      <div className="segmented" role="group" aria-label="What to send">
        <button
          type="button"
          aria-pressed={!draft.edit}
          onClick={() => set('edit', false)}
          data-testid="replay-as-captured"
        >
          As captured
        </button>
        <button
          type="button"
          aria-pressed={draft.edit}
          onClick={() => set('edit', true)}
          data-testid="replay-edit"
        >
          Edit before sending
        </button>
      </div>
      {draft.edit && (
        <div className="stack">
          <div className="replay-line">
            <input
              className="mono"
              aria-label="Method"
              value={draft.method}
              onChange={(e) => set('method', e.target.value.toUpperCase())}
              data-testid="replay-method"
            />
            <input
              className="mono"
              aria-label="Path and query"
              value={draft.path}
              onChange={(e) => set('path', e.target.value)}
              data-testid="replay-path"
            />
          </div>
          <h3 className="section-title">Headers (masked values are sent as captured)</h3>
          <HeaderRowsEditor value={draft.headers} onChange={(headers) => set('headers', headers)} />
          <h3 className="section-title">Body</h3>
          <BodyEditor value={draft.body} onChange={(body) => set('body', body)} />
        </div>
      )}
      <SendFields options={draft.send} onChange={(options) => set('send', options)} />
      <ModalFooter error={error} errorTestId="replay-error" onCancel={close}>
        <SendButton sending={sending} label="Send" onSend={() => void send()} />
      </ModalFooter>
    </Modal>
  );
}
