import { useState } from 'react';
import { selectSettings, type SelectionTarget } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { Modal } from '../../ui/modal';
import { ModalFooter } from '../../ui/modal-footer';
import { initialSendOptions, sendInput, type SendOptions } from './replay-draft';
import { SendButton, SendFields } from './send-fields';
import { sendReplay } from './send-replay';
import { TargetPicker } from './target-picker';
import { formatCount } from '../../ui/format';

type Order = 'received' | 'published';

/** Resend several exchanges as captured, one after the other, in the order Okta needs. */
export function BatchReplayDialog({ selection, count }: { selection: SelectionTarget; count: number }) {
  const settings = useAppStore(selectSettings);
  const { store, bridge } = useEngine();
  const [options, setOptions] = useState<SendOptions>(() =>
    initialSendOptions(Boolean(settings?.forward.target)),
  );
  const [order, setOrder] = useState<Order>('received');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const close = () => store.getState().openDialog(null);
  const send = async () => {
    setSending(true);
    setError(await sendReplay(store, bridge, { ...selection, order, ...sendInput(options) }));
    setSending(false);
  };
  const orderButton = (value: Order, label: string) => (
    <button
      type="button"
      aria-pressed={order === value}
      onClick={() => setOrder(value)}
      data-testid={`replay-order-${value}`}
    >
      {label}
    </button>
  );
  return (
    <Modal
      title={`Replay ${formatCount(count)} exchanges`}
      testId="replay-dialog"
      onClose={close}
      className="modal--wide"
    >
      <TargetPicker
        options={options}
        forwardTarget={settings?.forward.target ?? null}
        onChange={setOptions}
      />
      <div className="field">
        <span>Order</span>
        <div className="segmented" role="group" aria-label="Order">
          {orderButton('received', 'As received')}
          {orderButton('published', 'As Okta published the events')}
        </div>
      </div>
      <p className="muted">
        Each is sent as captured and waits for the previous answer; edit one at a time to change it.
      </p>
      <SendFields options={options} onChange={setOptions} />
      <ModalFooter error={error} errorTestId="replay-error" onCancel={close}>
        <SendButton sending={sending} label={`Send ${formatCount(count)}`} onSend={() => void send()} />
      </ModalFooter>
    </Modal>
  );
}
