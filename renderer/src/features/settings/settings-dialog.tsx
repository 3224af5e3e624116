import { useEffect, useState, type FormEvent } from 'react';
import type { SettingsPatch } from '../../../../shared/contract/schemas';
import type { RequiredHeader, SettingsView } from '../../../../shared/model/settings';
import { saveSettings } from '../../store/commands';
import { selectDialog, selectSettings, selectStatus } from '../../store/selectors';
import { formatBytes } from '../../ui/format';
import { useAppStore, useEngine } from '../../store/store-context';
import { RequiredHeadersEditor } from './required-headers-editor';

interface Draft {
  port: string;
  hookPath: string;
  authHeader: string;
  requiredHeaders: RequiredHeader[];
  bodyLimitMb: string;
  maxCount: string;
  maxGb: string;
  /** Empty keeps the current secret. */
  newSecret: string;
  removeSecret: boolean;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

const draftOf = (settings: SettingsView): Draft => ({
  port: String(settings.port),
  hookPath: settings.hookPath,
  authHeader: settings.authHeader,
  requiredHeaders: settings.requiredHeaders,
  bodyLimitMb: String(Math.round((settings.bodyLimitBytes / MB) * 100) / 100),
  maxCount: String(settings.retention.maxCount),
  maxGb: String(Math.round((settings.retention.maxBytes / GB) * 100) / 100),
  newSecret: '',
  removeSecret: false,
});

function patchOf(draft: Draft): SettingsPatch {
  const patch: SettingsPatch = {
    port: Number(draft.port),
    hookPath: draft.hookPath.trim(),
    authHeader: draft.authHeader.trim(),
    requiredHeaders: draft.requiredHeaders
      .map(({ name, value }) => ({ name: name.trim(), value }))
      .filter(({ name }) => name !== ''),
    bodyLimitBytes: Math.round(Number(draft.bodyLimitMb) * MB),
    retention: { maxCount: Number(draft.maxCount), maxBytes: Math.round(Number(draft.maxGb) * GB) },
  };
  if (draft.removeSecret) patch.secret = null;
  else if (draft.newSecret !== '') patch.secret = draft.newSecret;
  return patch;
}

export function SettingsDialog() {
  const open = useAppStore(selectDialog) === 'settings';
  const settings = useAppStore(selectSettings);
  if (!open || !settings) return null;
  return <SettingsForm settings={settings} />;
}

function SettingsForm({ settings }: { settings: SettingsView }) {
  const { store, bridge } = useEngine();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const close = () => store.getState().openDialog(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') store.getState().openDialog(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await saveSettings(store, bridge, patchOf(draft));
    setSaving(false);
    if (result.ok) close();
    else setError(result.error.message);
  };
  return (
    <div className="modal-backdrop" onClick={close}>
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        onClick={(event) => event.stopPropagation()}
        onSubmit={(event) => void submit(event)}
        data-testid="settings-dialog"
      >
        <h2 id="settings-title">Receiver settings</h2>
        <label className="field">
          <span>Port on 127.0.0.1</span>
          <input
            type="number"
            min={0}
            max={65535}
            value={draft.port}
            onChange={(e) => set('port', e.target.value)}
            data-testid="settings-port"
          />
          <small>0 picks any free port. Changing it restarts the receiver.</small>
        </label>
        <label className="field">
          <span>Hook path</span>
          <input
            value={draft.hookPath}
            onChange={(e) => set('hookPath', e.target.value)}
            data-testid="settings-hook-path"
          />
        </label>
        <label className="field">
          <span>Authentication field (header name)</span>
          <input
            value={draft.authHeader}
            onChange={(e) => set('authHeader', e.target.value)}
            data-testid="settings-auth-header"
          />
        </label>
        <label className="field">
          <span>Authentication secret</span>
          <input
            type="password"
            autoComplete="off"
            placeholder={
              settings.secret.configured
                ? `${settings.secret.masked} (set; type to replace)`
                : 'not set: every request is accepted'
            }
            value={draft.newSecret}
            disabled={draft.removeSecret}
            onChange={(e) => set('newSecret', e.target.value)}
            data-testid="settings-secret"
          />
          {settings.secret.configured && (
            <span className="checkbox">
              <input
                type="checkbox"
                checked={draft.removeSecret}
                onChange={(e) => set('removeSecret', e.target.checked)}
                id="remove-secret"
              />
              <label htmlFor="remove-secret">Remove the secret</label>
            </span>
          )}
          <small>
            Okta sends this value verbatim in the header above, e.g. &quot;Basic …&quot; for Basic auth.
          </small>
        </label>
        <div className="field">
          <span>Custom headers Okta must send</span>
          <RequiredHeadersEditor
            value={draft.requiredHeaders}
            onChange={(next) => set('requiredHeaders', next)}
          />
          <small>
            The hook&apos;s custom headers in Okta. A call without them, or with another value, is answered
            401.
          </small>
        </div>
        <label className="field">
          <span>Body size limit (MB)</span>
          <input
            type="number"
            min={0.001}
            step="any"
            value={draft.bodyLimitMb}
            onChange={(e) => set('bodyLimitMb', e.target.value)}
          />
        </label>
        <RetentionFields draft={draft} set={set} />
        {error && (
          <p className="form-error" role="alert" data-testid="settings-error">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={saving}
            data-testid="settings-save"
          >
            Save
          </button>
        </div>
      </form>
    </div>
  );
}

/** How much history is kept; the store evicts the oldest unpinned exchanges beyond it. */
function RetentionFields(props: {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
}) {
  const storage = useAppStore(selectStatus)?.storage;
  return (
    <fieldset className="field">
      <legend>History</legend>
      <div className="field__pair">
        <label className="field">
          <span>Keep at most (exchanges)</span>
          <input
            type="number"
            min={100}
            step={1000}
            value={props.draft.maxCount}
            onChange={(e) => props.set('maxCount', e.target.value)}
            data-testid="settings-max-count"
          />
        </label>
        <label className="field">
          <span>and at most (GB on disk)</span>
          <input
            type="number"
            min={0.016}
            step="any"
            value={props.draft.maxGb}
            onChange={(e) => props.set('maxGb', e.target.value)}
            data-testid="settings-max-gb"
          />
        </label>
      </div>
      <small>
        The oldest are removed first; pinned exchanges are always kept.
        {storage &&
          ` Now: ${storage.count.toLocaleString()} stored (${storage.pinned.toLocaleString()} pinned), ${formatBytes(storage.bytes)}.`}
      </small>
    </fieldset>
  );
}
