import { useState } from 'react';
import type { Exchange } from '../../../../shared/model/exchange';
import { openExchange } from '../../store/commands';
import { selectSettings } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { useDismiss } from '../../ui/use-dismiss';
import { HeaderRowsEditor } from '../../ui/header-rows-editor';
import { BodyEditor } from './body-editor';
import { initialDraft, replayInput, type ReplayDraft } from './replay-draft';
import { TargetPicker } from './target-picker';

/** Resend a captured request, as it was or edited, to the handler, the receiver or any URL. */
export function ReplayDialog({ exchange, onClose }: { exchange: Exchange; onClose: () => void }) {
  const settings = useAppStore(selectSettings);
  const { store, bridge } = useEngine();
  const [draft, setDraft] = useState<ReplayDraft>(() =>
    initialDraft(exchange, Boolean(settings?.forward.target)),
  );
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const panel = useDismiss<HTMLDivElement>(true, onClose);
  const set = <K extends keyof ReplayDraft>(key: K, value: ReplayDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const send = async () => {
    setSending(true);
    const result = await bridge.invoke('replay.run', replayInput(exchange, draft));
    setSending(false);
    if (!result.ok) return setError(result.error.message);
    const [first] = result.value.exchangeIds;
    onClose();
    if (first !== undefined) await openExchange(store, bridge, first);
  };
  return (
    <div className="modal-backdrop">
      <div
        className="modal modal--wide"
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="replay-title"
        data-testid="replay-dialog"
      >
        <h2 id="replay-title">
          Replay {exchange.request.method} {exchange.request.path}
        </h2>
        <TargetPicker draft={draft} forwardTarget={settings?.forward.target ?? null} onChange={setDraft} />
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
        <div className="replay-options">
          <label>
            Times{' '}
            <input
              type="number"
              min={1}
              max={100}
              value={draft.repeat}
              onChange={(e) => set('repeat', Math.max(1, Number(e.target.value) || 1))}
              data-testid="replay-repeat"
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.asOkta}
              onChange={(e) => set('asOkta', e.target.checked)}
              data-testid="replay-as-okta"
            />
            As Okta would: give up after 3 s, retry once after a 5xx or no answer, never after a 4xx
          </label>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="replay-error">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={sending}
            onClick={() => void send()}
            data-testid="replay-send"
          >
            {sending ? 'Sending…' : 'Send'}
          </button>
        </div>
      </div>
    </div>
  );
}
