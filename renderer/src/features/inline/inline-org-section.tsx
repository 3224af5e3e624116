import { useState } from 'react';
import type { InlineHookKind } from '../../../../shared/model/inline';
import type { OktaInlineHook } from '../../../../shared/model/okta-inline';
import { INLINE_HOOKS, inlineType } from '../../../../shared/okta/inline/catalog';
import { openExchange } from '../../store/commands';
import { selectOkta } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { InlinePreviewView } from './inline-preview-view';
import { useOrgInlineHooks, type Act } from './use-org-inline-hooks';

function ActionButton(props: { label: string; busy: boolean; onClick: () => void; testId?: string }) {
  return (
    <button
      type="button"
      className="button"
      disabled={props.busy}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.label}
    </button>
  );
}

function HookActions({ hook, busy, act }: { hook: OktaInlineHook; busy: boolean; act: Act }) {
  const { bridge } = useEngine();
  const kind = hook.hook;
  const lifecycle = (action: 'activate' | 'deactivate' | 'delete') =>
    act(() => bridge.invoke('okta.inlineHooks.lifecycle', { hookId: hook.id, action }));
  const active = hook.status === 'ACTIVE';
  const point = (k: InlineHookKind) =>
    act(() => bridge.invoke('okta.inlineHooks.point', { hook: k, hookId: hook.id }));
  const preview = () => act(() => bridge.invoke('okta.inlineHooks.preview', { hookId: hook.id }));
  const remove = () => window.confirm(`Delete ${hook.name} from the org?`) && lifecycle('delete');
  return (
    <td className="org-inline-hook__actions">
      {kind && !hook.pointsHere && (
        <ActionButton label="Point here" busy={busy} onClick={() => point(kind)} />
      )}
      {kind && active && (
        <ActionButton
          label="Preview through Okta"
          busy={busy}
          onClick={preview}
          testId="org-inline-preview"
        />
      )}
      <ActionButton
        label={active ? 'Deactivate' : 'Activate'}
        busy={busy}
        onClick={() => lifecycle(active ? 'deactivate' : 'activate')}
      />
      <ActionButton label="Delete" busy={busy} onClick={remove} />
    </td>
  );
}

function HookRow({ hook, busy, act }: { hook: OktaInlineHook; busy: boolean; act: Act }) {
  return (
    <tr data-testid="org-inline-hook" data-hook-id={hook.id}>
      <td>{hook.name}</td>
      <td>{hook.hook ? inlineType(hook.hook).label : hook.type}</td>
      <td>{hook.status}</td>
      <td>{hook.pointsHere ? 'calls here' : <span title={hook.uri}>elsewhere</span>}</td>
      <HookActions hook={hook} busy={busy} act={act} />
    </tr>
  );
}

function CreateHook({ busy, act }: { busy: boolean; act: Act }) {
  const { bridge } = useEngine();
  const [kind, setKind] = useState<InlineHookKind>('token');
  return (
    <div className="inline-org__point">
      <select
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
  );
}

/** The connected org's inline hooks: point one here per type, switch, remove, preview through Okta. */
export function InlineOrgSection() {
  const okta = useAppStore(selectOkta);
  const { store, bridge } = useEngine();
  const domain = okta?.connection.domain ?? null;
  const { state, busy, error, act } = useOrgInlineHooks(domain !== null);
  if (domain === null)
    return (
      <p className="inline-org inline-org--off">
        Connect an Okta org (Okta button) to register these hooks in it and preview them through Okta.
      </p>
    );
  const open = (id: string) =>
    void openExchange(store, bridge, id).then(() => store.getState().setInlinePanelOpen(false));
  return (
    <section className="inline-org" data-testid="inline-org">
      <h3>In {domain}</h3>
      <CreateHook busy={busy} act={act} />
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
      {state?.previews.map((preview) => (
        <InlinePreviewView key={preview.at} preview={preview} onOpen={open} />
      ))}
    </section>
  );
}
