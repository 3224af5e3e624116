import { useState } from 'react';
import { retargetHooks } from '../../store/okta-commands';
import { selectOkta } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';

/** The public URL moved and hooks pointed here still call the old one: offer to move them. */
export function UrlChangeBanner() {
  const okta = useAppStore(selectOkta);
  const { bridge } = useEngine();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = okta?.urlChange;
  if (!okta || !change || okta.autoRetarget) return null;
  const names = change.hooks.map((hook) => hook.name).join(', ');
  const update = async () => {
    setBusy(true);
    const result = await retargetHooks(bridge);
    setBusy(false);
    setError(result.ok ? null : result.error.message);
  };
  return (
    <div className="banner banner--warn" role="status" data-testid="url-change-banner">
      <span>
        The public hook URL is now <code>{change.to}</code>; {change.hooks.length === 1 ? 'hook' : 'hooks'}{' '}
        {names} still {change.hooks.length === 1 ? 'calls' : 'call'} the old one.
        {error && <span className="form-error--inline"> {error}</span>}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => void update()}
        data-testid="url-change-update"
      >
        {busy ? 'Updating…' : 'Update and verify again'}
      </button>
    </div>
  );
}
