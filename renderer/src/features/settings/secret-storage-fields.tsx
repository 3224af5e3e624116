import { useState, type KeyboardEvent } from 'react';
import type { SettingsView } from '../../../../shared/model/settings';
import { useEngine } from '../../store/store-context';
import { isWeak, protectionText, unreadableText } from './secret-storage-text';

/**
 * How saved secrets are protected, which ones must be entered again, and (desktop app) the
 * passphrase: offered where the OS gives no real protection, asked for when it locks them.
 */
export function SecretStorageFields({ settings }: { settings: SettingsView }) {
  const view = settings.secretStorage;
  return (
    <fieldset className="field" data-testid="secret-storage">
      <legend>Saved secrets</legend>
      <p
        className={isWeak(view) ? 'secret-storage__note secret-storage__note--warn' : 'secret-storage__note'}
        data-testid="secret-protection"
      >
        {protectionText(view)}
      </p>
      {view.unreadable.map((secret) => (
        <p
          key={secret.name ?? 'file'}
          className="secret-storage__note secret-storage__note--warn"
          data-testid="secret-unreadable"
        >
          {unreadableText(secret)}
        </p>
      ))}
      {view.passphraseOption && <PassphraseField settings={settings} />}
    </fieldset>
  );
}

function PassphraseField({ settings }: { settings: SettingsView }) {
  const { store, bridge } = useEngine();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { protection } = settings.secretStorage;
  const locked = protection === 'locked';
  if (!locked && protection !== 'passphrase' && !isWeak(settings.secretStorage)) return null;
  const run = async (name: 'secrets.protect' | 'secrets.unlock', value: string | null) => {
    const result =
      name === 'secrets.unlock'
        ? await bridge.invoke(name, { passphrase: value ?? '' })
        : await bridge.invoke(name, { passphrase: value });
    setError(result.ok ? null : result.error.message);
    if (!result.ok) return;
    setPassphrase('');
    store.getState().setSettings(result.value);
  };
  const apply = () => void run(locked ? 'secrets.unlock' : 'secrets.protect', passphrase);
  // Enter here acts on the passphrase, not on the whole Settings form.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    apply();
  };
  return (
    <div className="field">
      <span>{locked ? 'Passphrase' : protection === 'passphrase' ? 'New passphrase' : 'Passphrase'}</span>
      <div className="secret-storage__row">
        <input
          type="password"
          autoComplete={locked ? 'current-password' : 'new-password'}
          placeholder={locked ? '' : 'at least 12 characters'}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="secret-passphrase"
        />
        <button type="button" className="button" onClick={apply} data-testid="secret-passphrase-apply">
          {locked ? 'Unlock' : protection === 'passphrase' ? 'Change' : 'Protect with this passphrase'}
        </button>
        {protection === 'passphrase' && (
          <button type="button" className="button" onClick={() => void run('secrets.protect', null)}>
            Remove the passphrase
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="secret-passphrase-error">
          {error}
        </p>
      )}
    </div>
  );
}
