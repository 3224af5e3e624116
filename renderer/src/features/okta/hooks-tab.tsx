import { useState } from 'react';
import type { OktaHook, OktaState } from '../../../../shared/model/okta';
import { askConfirm } from '../../store/confirm';
import { runHookCommand } from '../../store/okta-commands';
import { useEngine } from '../../store/store-context';
import { PointForm } from './point-form';
import { RunSteps } from './run-steps';

const tone = (good: boolean) => (good ? 'pill--ok' : 'pill--warn');

function HookRow(props: { hook: OktaHook; onPoint: (hook: OktaHook) => void; busy: boolean }) {
  const { store, bridge } = useEngine();
  const { hook } = props;
  const [first, ...rest] = hook.eventTypes;
  const retire = async (remove: boolean) => {
    const ok = await askConfirm(store, {
      title: remove ? `Delete “${hook.name}” from the org?` : `Deactivate “${hook.name}”?`,
      message: remove ? 'Okta cannot undo a delete.' : 'Okta stops delivering to it.',
      confirmLabel: remove ? 'Delete' : 'Deactivate',
    });
    if (ok)
      await runHookCommand(bridge, remove ? 'okta.hooks.delete' : 'okta.hooks.deactivate', {
        hookId: hook.id,
      });
  };
  return (
    <tr data-testid="okta-hook-row" data-hook-id={hook.id}>
      <td>
        <div className="okta-hook__name">{hook.name}</div>
        <div className="okta-hook__meta">
          <span className="muted mono">{hook.id}</span>
          {hook.pointsHere && <span className="flag flag--origin">points here</span>}
          {hook.createdHere && <span className="flag flag--neutral">made here</span>}
        </div>
      </td>
      <td className="okta-hook__state">
        <span className={`pill ${hook.status === 'ACTIVE' ? 'pill--ok' : 'pill--neutral'}`}>
          {hook.status}
        </span>{' '}
        <span
          className={`pill ${tone(hook.verificationStatus === 'VERIFIED')}`}
          data-testid="okta-hook-verification"
        >
          {hook.verificationStatus}
        </span>
      </td>
      <td className="okta-hook__uri mono" title={hook.uri}>
        {hook.uri}
      </td>
      <td className="mono" title={hook.eventTypes.join('\n')}>
        {first ?? '—'}
        {rest.length > 0 && <span className="muted"> +{rest.length}</span>}
        {hook.filter && (
          <span
            className="flag flag--neutral"
            title={hook.filter.map((entry) => `${entry.eventType}: ${entry.expression}`).join('\n')}
            data-testid="okta-hook-filter"
          >
            filter on {hook.filter.length}
          </span>
        )}
      </td>
      <td>
        <div className="okta-hook__actions">
          <button
            type="button"
            className="button button--small"
            disabled={props.busy}
            onClick={() => props.onPoint(hook)}
            data-testid="okta-hook-point"
          >
            Point here
          </button>
          {hook.createdHere && (
            <>
              {hook.status === 'ACTIVE' && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={props.busy}
                  onClick={() => void retire(false)}
                  data-testid="okta-hook-deactivate"
                >
                  Deactivate
                </button>
              )}
              <button
                type="button"
                className="button button--small"
                disabled={props.busy}
                onClick={() => void retire(true)}
                data-testid="okta-hook-delete"
              >
                Delete
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

type Form = { hook: OktaHook | null } | null;

/** The org's event hooks, "Point a hook here", and the latest run. */
export function HooksTab({ okta }: { okta: OktaState }) {
  const [form, setForm] = useState<Form>(null);
  const hookUrl = okta.publicUrl.hookUrl;
  const busy = okta.runs[0]?.outcome === 'running';
  return (
    <div className="okta-hooks">
      <table className="kv okta-hooks__table" data-testid="okta-hooks">
        <thead>
          <tr>
            <th>Hook</th>
            <th>State</th>
            <th>URI</th>
            <th>Event types</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {okta.hooks.map((hook) => (
            <HookRow
              key={hook.id}
              hook={hook}
              busy={busy || hookUrl === null}
              onPoint={(h) => setForm({ hook: h })}
            />
          ))}
        </tbody>
      </table>
      {okta.hooks.length === 0 && <p className="muted">This org has no event hooks yet.</p>}
      {form === null ? (
        <div className="okta-hooks__create">
          <button
            type="button"
            className="button button--primary"
            disabled={hookUrl === null || busy}
            onClick={() => setForm({ hook: null })}
            data-testid="okta-create-hook"
          >
            Create a hook pointing here
          </button>
          {hookUrl === null && <span className="muted">Needs a public hook URL first.</span>}
        </div>
      ) : (
        hookUrl !== null && (
          <PointForm
            key={form.hook?.id ?? 'new'}
            hook={form.hook}
            hookUrl={hookUrl}
            onDone={() => setForm(null)}
          />
        )
      )}
      {okta.runs[0] && <RunSteps run={okta.runs[0]} />}
    </div>
  );
}
