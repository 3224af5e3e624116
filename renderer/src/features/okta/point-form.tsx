import { useState, type FormEvent } from 'react';
import type { OktaHook } from '../../../../shared/model/okta';
import { runHookCommand } from '../../store/okta-commands';
import { selectSettings } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { EventTypePicker } from './event-type-picker';

/** What Okta will send with each call, in one sentence (the secret masked). */
function ChannelSummary({ hookUrl }: { hookUrl: string }) {
  const settings = useAppStore(selectSettings);
  if (!settings) return null;
  const custom = settings.requiredHeaders.length;
  return (
    <p className={settings.secret.configured ? 'muted' : 'note note--warn'} data-testid="okta-channel">
      Okta will call <code>{hookUrl}</code>
      {settings.secret.configured ? (
        <>
          {' '}
          with{' '}
          <code>
            {settings.authHeader}: {settings.secret.masked}
          </code>
        </>
      ) : (
        ' with no secret: set one in Settings first, or anyone who knows the URL can post to it'
      )}
      {custom > 0 ? ` and ${custom} custom header${custom > 1 ? 's' : ''}` : ''}.
    </p>
  );
}

/** Create a hook pointing here, or point a chosen one here: then verify and activate it. */
export function PointForm(props: { hook: OktaHook | null; hookUrl: string; onDone: () => void }) {
  const { bridge } = useEngine();
  const [name, setName] = useState('Okta Hook Inspector');
  const [types, setTypes] = useState<string[]>(props.hook?.eventTypes ?? ['user.session.start']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = props.hook
      ? await runHookCommand(bridge, 'okta.hooks.point', { hookId: props.hook.id, eventTypes: types })
      : await runHookCommand(bridge, 'okta.hooks.point', { name, eventTypes: types });
    setBusy(false);
    if (result.ok) props.onDone();
    else setError(result.error.message);
  };
  const verb = props.hook ? 'Update' : 'Create';
  return (
    <form className="okta-point" onSubmit={(event) => void submit(event)} data-testid="okta-point-form">
      <h3>{props.hook ? `Point “${props.hook.name}” here` : 'Create a hook pointing here'}</h3>
      {props.hook ? (
        <p className="muted">
          Replaces its URL, secret, custom headers and event types; its name, description and filter stay.
        </p>
      ) : (
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="okta-hook-name" />
        </label>
      )}
      <ChannelSummary hookUrl={props.hookUrl} />
      <EventTypePicker selected={types} onChange={setTypes} />
      {error && (
        <p className="form-error" role="alert" data-testid="okta-point-error">
          {error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={props.onDone}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || types.length === 0 || (!props.hook && name.trim() === '')}
          data-testid="okta-point-submit"
        >
          {busy ? 'Working…' : `${verb}, verify and activate`}
        </button>
      </div>
    </form>
  );
}
