import type { Draft } from './settings-draft';

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
        value={draft.forwardTarget}
        onChange={(e) => set('forwardTarget', e.target.value)}
        data-testid="settings-forward-target"
      />
      <small>
        Each request on the hook path goes on to this URL, and its answer goes back to Okta. Okta waits 3 s;
        the inspector waits up to{' '}
        <input
          className="inline-number"
          type="number"
          min={1}
          max={300}
          value={draft.forwardTimeoutS}
          onChange={(e) => set('forwardTimeoutS', e.target.value)}
          aria-label="Forward timeout in seconds"
        />{' '}
        s to record what your handler answered.
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
