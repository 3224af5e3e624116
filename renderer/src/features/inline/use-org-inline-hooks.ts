import { useCallback, useEffect, useState } from 'react';
import type { OktaInlineState } from '../../../../shared/model/okta-inline';
import type { Result } from '../../../../shared/model/result';
import { useEngine } from '../../store/store-context';

export type Act = (run: () => Promise<Result<unknown>>) => void;

/** The org's inline hooks, loaded while connected, and a way to run one action at a time. */
export function useOrgInlineHooks(connected: boolean) {
  const { bridge } = useEngine();
  const [state, setState] = useState<OktaInlineState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      bridge.invoke('okta.inlineHooks.list', {}).then((result) => {
        if (result.ok) setState(result.value);
        else setError(result.error.message);
      }),
    [bridge],
  );
  useEffect(() => {
    if (!connected) return;
    let live = true;
    void bridge.invoke('okta.inlineHooks.list', {}).then((result) => {
      if (live && result.ok) setState(result.value);
    });
    return () => {
      live = false;
    };
  }, [connected, bridge]);
  const act: Act = (run) => {
    setBusy(true);
    setError(null);
    void run()
      .then((result) => {
        if (!result.ok) setError(result.error.message);
      })
      .then(reload)
      .finally(() => setBusy(false));
  };
  return { state, busy, error, act };
}
