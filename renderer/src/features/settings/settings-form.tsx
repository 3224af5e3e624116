import { useState } from 'react';
import type { SettingsView } from '../../../../shared/model/settings';
import { saveSettings } from '../../store/commands';
import { selectStatus } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { HeaderRowsEditor } from '../../ui/header-rows-editor';
import { Modal } from '../../ui/modal';
import { ModalFooter } from '../../ui/modal-footer';
import { ForwardFields } from './forward-fields';
import { portHelp } from './port-help';
import { draftOf, patchOf, settingsErrorText, type Draft, type SetDraft } from './settings-draft';
import { RetentionFields } from './retention-fields';
import { SecretStorageFields } from './secret-storage-fields';
import { TunnelFields } from './tunnel-fields';

export function SettingsForm({ settings }: { settings: SettingsView }) {
  const { store, bridge } = useEngine();
  const localUrl = useAppStore(selectStatus)?.receiver.localUrl ?? null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const close = () => store.getState().openDialog(null);
  const set: SetDraft = (key, value) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = async () => {
    setSaving(true);
    const result = await saveSettings(store, bridge, patchOf(draft));
    setSaving(false);
    if (result.ok) close();
    else setError(settingsErrorText(result.error.message));
  };
  return (
    <Modal title="Settings" testId="settings-dialog" onClose={close} onSubmit={() => void submit()}>
      <h3 className="modal__section">Receiver</h3>
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
        <small data-testid="settings-port-help">{portHelp(settings.port, localUrl)}</small>
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
        <HeaderRowsEditor
          testId="required-headers"
          value={draft.requiredHeaders.map(({ name, value }): [string, string] => [name, value])}
          onChange={(rows) =>
            set(
              'requiredHeaders',
              rows.map(([name, value]) => ({ name, value })),
            )
          }
        />
        <small>
          The hook&apos;s custom headers in Okta. A call without them, or with another value, is answered 401.
        </small>
      </div>
      <ForwardFields draft={draft} set={set} />
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
      <TunnelFields draft={draft} set={set} settings={settings} />
      <SecretStorageFields settings={settings} />
      <ModalFooter error={error} errorTestId="settings-error" onCancel={close}>
        <button
          type="submit"
          className="button button--primary"
          disabled={saving}
          data-testid="settings-save"
        >
          Save
        </button>
      </ModalFooter>
    </Modal>
  );
}
