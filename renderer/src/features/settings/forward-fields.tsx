import { FORWARD_TIMEOUT_MS } from '../../../../shared/model/settings';
import type { Draft } from './settings-draft';

const MIN_S = FORWARD_TIMEOUT_MS.min / 1000;
const MAX_S = FORWARD_TIMEOUT_MS.max / 1000;

/** The timeout as the help sentence tells it: the number typed, once it is one the engine takes. */
function waitText(typed: string): string {
  const seconds = Number(typed);
  const valid = typed.trim() !== '' && seconds >= MIN_S && seconds <= MAX_S;
  return valid ? `up to ${seconds} s` : `up to the time set above (${MIN_S} to ${MAX_S} s)`;
}

/** The forward target: where requests go on to the user's own handler. */
export function ForwardFields(props: {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
}) {
  const { draft, set } = props;
  return (
    <fieldset className="field">
      <legend>Forward to your handler</legend>
      <input
        placeholder="http://localhost:3000/okta/hooks (empty: answer here)"
        aria-label="Your handler's URL"
        value={draft.forwardTarget}
        onChange={(e) => set('forwardTarget', e.target.value)}
        data-testid="settings-forward-target"
      />
      <label className="field field--inline">
        <span>Wait for its answer (s)</span>
        <input
          type="number"
          min={MIN_S}
          max={MAX_S}
          value={draft.forwardTimeoutS}
          onChange={(e) => set('forwardTimeoutS', e.target.value)}
          data-testid="settings-forward-timeout"
        />
      </label>
      <small data-testid="settings-forward-help">
        Each request on the hook path goes on to this URL, and its answer goes back to Okta. Okta waits 3 s;
        the inspector waits {waitText(draft.forwardTimeoutS)} to record what your handler answered.
      </small>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.verification === 'forward'}
          onChange={(e) => set('verification', e.target.checked ? 'forward' : 'auto')}
          data-testid="settings-verification-forward"
        />
        Let my handler answer Okta&apos;s verification challenge too
      </label>
    </fieldset>
  );
}
