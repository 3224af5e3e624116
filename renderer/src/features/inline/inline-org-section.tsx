import { useCallback, useEffect, useState } from 'react';
import type { InlineHookKind } from '../../../../shared/model/inline';
import type { InlinePreview, OktaInlineHook, OktaInlineState } from '../../../../shared/model/okta-inline';
import { INLINE_HOOKS, inlineType } from '../../../../shared/okta/inline/catalog';
import { openExchange } from '../../store/commands';
import { selectOkta } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { InlinePreviewView } from './inline-preview-view';

function HookRow({
  hook,
  busy,
  act,
}: {
  hook: OktaInlineHook;
  busy: boolean;
  act: (run: () => Promise<unknown>) => void;
}) {
  const { bridge } = useEngine();
  const lifecycle = (action: 'activate' | 'deactivate' | 'delete') =>
    act(() => bridge.invoke('okta.inlineHooks.lifecycle', { hookId: hook.id, action }));
  return (
    <tr data-testid="org-inline-hook" data-hook-id={hook.id}>
      <td>{hook.name}</td>
      <td>{hook.hook ? inlineType(hook.hook).label : hook.type}</td>
      <td>{hook.status}</td>
      <td>{hook.pointsHere ? 'calls here' : <span title={hook.uri}>elsewhere</span>}</td>
      <td className="org-inline-hook__actions">
        {hook.hook && !hook.pointsHere && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              act(() =>
                bridge.invoke('okta.inlineHooks.point', {
                  hook: hook.hook as InlineHookKind,
                  hookId: hook.id,
                }),
              )
            }
          >
            Point here
          </button>
        )}
        {hook.hook && hook.status === 'ACTIVE' && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => act(() => bridge.invoke('okta.inlineHooks.preview', { hookId: hook.id }))}
            data-testid="org-inline-preview"
          >
            Preview through Okta
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => lifecycle(hook.status === 'ACTIVE' ? 'deactivate' : 'activate')}
        >
          {hook.status === 'ACTIVE' ? 'Deactivate' : 'Activate'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => window.confirm(`Delete ${hook.name} from the org?`) && lifecycle('delete')}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

/** The connected org's inline hooks: point one here per type, switch, remove, preview through Okta. */
export function InlineOrgSection() {
  const okta = useAppStore(selectOkta);
  const { store, bridge } = useEngine();
  const [state, setState] = useState<OktaInlineState | null>(null);
  const [kind, setKind] = useState<InlineHookKind>('token');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const connected = okta?.connection.domain != null;
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
  const act = (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    void run()
      .then((result) => {
        const failed = result as { ok: boolean; error?: { message: string } };
        if (!failed.ok) setError(failed.error?.message ?? 'Okta refused.');
      })
      .then(reload)
      .finally(() => setBusy(false));
  };
  if (!connected)
    return (
      <p className="inline-org inline-org--off">
        Connect an Okta org (Okta button) to register these hooks in it and preview them through Okta.
      </p>
    );
  return (
    <section className="inline-org" data-testid="inline-org">
      <h3>In {okta?.connection.domain}</h3>
      <div className="inline-org__point">
        <select
          className="input"
          value={kind}
          onChange={(e) => setKind(e.target.value as InlineHookKind)}
          data-testid="org-inline-kind"
        >
          {INLINE_HOOKS.map((hook) => (
            <option key={hook} value={hook}>
              {inlineType(hook).label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => act(() => bridge.invoke('okta.inlineHooks.point', { hook: kind }))}
          data-testid="org-inline-create"
        >
          Create a hook calling here
        </button>
      </div>
      {error && (
        <p className="note note--bad" role="alert" data-testid="org-inline-error">
          {error}
        </p>
      )}
      <table className="inline-org__hooks">
        <tbody>
          {state?.hooks.map((hook) => (
            <HookRow key={hook.id} hook={hook} busy={busy} act={act} />
          ))}
        </tbody>
      </table>
      {state?.previews.map((preview: InlinePreview) => (
        <InlinePreviewView
          key={preview.at}
          preview={preview}
          onOpen={(id) =>
            void openExchange(store, bridge, id).then(() => store.getState().setInlinePanelOpen(false))
          }
        />
      ))}
    </section>
  );
}
