import { useState, type FormEvent } from 'react';
import type { OktaState } from '../../../../shared/model/okta';
import { configureOkta } from '../../store/okta-commands';
import { useEngine } from '../../store/store-context';

const SOURCES = { tunnel: 'from the tunnel', manual: 'entered by hand' } as const;

/**
 * Where Okta is told to call. The tunnel provides it when it runs; until then (or without
 * one) the user enters the tunnel's public base URL here.
 */
export function PublicUrlField({ okta }: { okta: OktaState }) {
  const { store, bridge } = useEngine();
  const { publicUrl } = okta;
  const [editing, setEditing] = useState(publicUrl.hookUrl === null);
  const [base, setBase] = useState(publicUrl.manualBase ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await configureOkta(store, bridge, { publicBase: base.trim() === '' ? null : base });
    if (result.ok) setEditing(false);
    setError(result.ok ? null : result.error.message);
  };
  return (
    <section className="okta-public" data-testid="okta-public">
      <div className="okta-public__line">
        <span className="section-title">Public hook URL</span>
        {publicUrl.hookUrl ? (
          <>
            <code className="okta-public__url" data-testid="okta-public-url">
              {publicUrl.hookUrl}
            </code>
            <span className="muted">{publicUrl.source ? SOURCES[publicUrl.source] : ''}</span>
          </>
        ) : (
          <span className="muted">none yet: start the tunnel, or enter its URL</span>
        )}
        {!editing && (
          <button
            type="button"
            className="link-button"
            onClick={() => setEditing(true)}
            data-testid="okta-public-edit"
          >
            Edit
          </button>
        )}
      </div>
      {editing && (
        <form className="okta-public__form" onSubmit={(event) => void save(event)}>
          <input
            value={base}
            placeholder="https://abc123.ngrok.app"
            spellCheck="false"
            onChange={(e) => setBase(e.target.value)}
            data-testid="okta-public-base"
          />
          <button type="submit" className="button button--small" data-testid="okta-public-save">
            Save
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={okta.autoRetarget}
          onChange={(e) => {
            const wanted = e.target.checked;
            // The engine's answer ticks it: the runtime (preact/compat) leaves a click's tick in
            // place, where React put the state back, so a refused change looked made.
            e.target.checked = okta.autoRetarget;
            void configureOkta(store, bridge, { autoRetarget: wanted });
          }}
          data-testid="okta-auto-retarget"
        />
        When it changes, update the hooks pointed here and verify them again by themselves
      </label>
    </section>
  );
}
