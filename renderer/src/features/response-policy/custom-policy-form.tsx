import { useState, type FormEvent } from 'react';
import type { ResponsePolicy } from '../../../../shared/model/settings';

/** Any status, delay and body, for cases the presets do not cover. */
export function CustomPolicyForm(props: {
  initial: ResponsePolicy;
  onApply: (policy: ResponsePolicy) => void;
}) {
  const [status, setStatus] = useState(String(props.initial.status));
  const [delay, setDelay] = useState(String(props.initial.delayMs));
  const [body, setBody] = useState(props.initial.body);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply({ status: Number(status), delayMs: Number(delay), body });
  };
  return (
    <form className="custom-policy" onSubmit={submit} data-testid="custom-policy">
      <p className="menu__title">Custom answer</p>
      <div className="custom-policy__row">
        <label>
          Status
          <input
            type="number"
            min={200}
            max={599}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            data-testid="custom-status"
          />
        </label>
        <label>
          Delay (ms)
          <input
            type="number"
            min={0}
            max={60000}
            value={delay}
            onChange={(e) => setDelay(e.target.value)}
            data-testid="custom-delay"
          />
        </label>
      </div>
      <label>
        Body (Okta ignores it; empty is what it expects)
        <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <button type="submit" className="button button--small button--primary">
        Apply
      </button>
    </form>
  );
}
