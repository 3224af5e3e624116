import { useState } from 'react';
import type { FilterEntry } from '../../../../shared/model/hook-filter';
import type { HookRun } from '../../../../shared/model/okta';
import { setHookFilter } from '../../store/hook-filter-commands';
import { useAppStore, useEngine } from '../../store/store-context';
import { RunSteps } from '../okta/run-steps';

/**
 * Set the filter being edited on a hook of the connected org that calls this inspector (its
 * secret is the inspector's, and Okta's full replace must send it), or clear the hook's filter.
 */
export function HookFilterActions({ entries, valid }: { entries: FilterEntry[]; valid: boolean }) {
  const { bridge } = useEngine();
  const hooks = (useAppStore((state) => state.okta?.hooks) ?? []).filter((hook) => hook.pointsHere);
  const [hookId, setHookId] = useState('');
  const [run, setRun] = useState<HookRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = hooks.find((hook) => hook.id === hookId) ?? hooks[0];
  if (!chosen) {
    return (
      <p className="muted" data-testid="filter-hook-none">
        Connect an Okta org and point a hook here to set this filter on it.
      </p>
    );
  }
  const send = async (next: FilterEntry[] | null) => {
    setError(null);
    const result = await setHookFilter(bridge, { hookId: chosen.id, entries: next });
    if (result.ok) setRun(result.value);
    else setError(result.error.message);
  };
  return (
    <section className="filter-hook" data-testid="filter-hook">
      <div className="filter-hook__line">
        <label className="field">
          <span>Hook calling this inspector</span>
          <select
            value={chosen.id}
            onChange={(e) => setHookId(e.target.value)}
            data-testid="filter-hook-select"
          >
            {hooks.map((hook) => (
              <option key={hook.id} value={hook.id}>
                {hook.name} ({hook.filter ? `filter on ${hook.filter.length} type(s)` : 'no filter'})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={!valid}
          onClick={() => void send(entries)}
          data-testid="filter-hook-set"
        >
          Set on this hook
        </button>
        <button
          type="button"
          className="button"
          disabled={chosen.filter === null}
          onClick={() => void send(null)}
          data-testid="filter-hook-clear"
        >
          Clear its filter
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      {run && <RunSteps run={run} />}
    </section>
  );
}
