import type { SendOptions } from './replay-draft';

/** How many times, and whether to behave like Okta's delivery (timeout and retry). */
export function SendFields({
  options,
  onChange,
}: {
  options: SendOptions;
  onChange: (options: SendOptions) => void;
}) {
  return (
    <div className="replay-options">
      <label>
        Times{' '}
        <input
          type="number"
          min={1}
          max={100}
          value={options.repeat}
          onChange={(e) =>
            onChange({ ...options, repeat: Math.min(100, Math.max(1, Number(e.target.value) || 1)) })
          }
          data-testid="replay-repeat"
        />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.asOkta}
          onChange={(e) => onChange({ ...options, asOkta: e.target.checked })}
          data-testid="replay-as-okta"
        />
        As Okta would: give up after 3 s, retry once after a 5xx or no answer, never after a 4xx
      </label>
    </div>
  );
}

export function SendButton(props: { sending: boolean; label: string; onSend: () => void }) {
  return (
    <button
      type="button"
      className="button button--primary"
      disabled={props.sending}
      onClick={props.onSend}
      data-testid="replay-send"
    >
      {props.sending ? 'Sending…' : props.label}
    </button>
  );
}
