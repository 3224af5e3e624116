import { useState } from 'react';
import type { PendingKey } from '../../../../shared/model/okta';
import { FEATURE_SCOPES, scopesFor, type OktaFeature } from '../../../../shared/okta/service-app-scopes';
import { generateKey } from '../../store/okta-commands';
import { useEngine } from '../../store/store-context';
import { CopyButton } from '../../ui/copy-button';

export interface ServiceAppDraft {
  clientId: string;
  keySource: 'generated' | 'pasted';
  privateKey: string;
  keyId: string;
  features: OktaFeature[];
}

export const NEW_SERVICE_APP: ServiceAppDraft = {
  clientId: '',
  keySource: 'generated',
  privateKey: '',
  keyId: '',
  features: ['manage-hooks', 'system-log'],
};

interface Props {
  draft: ServiceAppDraft;
  pendingKey: PendingKey | null;
  onChange: (change: Partial<ServiceAppDraft>) => void;
}

/** The public half of the key made here, to paste into the Admin Console; the private half stays in the engine. */
function GeneratedKey({ pendingKey }: { pendingKey: PendingKey | null }) {
  const { bridge } = useEngine();
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    await generateKey(bridge);
    setBusy(false);
  };
  return (
    <div className="okta-key" data-testid="okta-generated-key">
      <div className="okta-key__actions">
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => void make()}
          data-testid="okta-generate-key"
        >
          {pendingKey ? 'Generate another key pair' : 'Generate a key pair'}
        </button>
        {pendingKey && (
          <CopyButton value={pendingKey.publicJwk} label="Copy public key" testId="okta-copy-jwk" />
        )}
      </div>
      {pendingKey ? (
        <>
          <pre className="okta-key__jwk" data-testid="okta-public-jwk">
            {pendingKey.publicJwk}
          </pre>
          <small>
            In the app&apos;s General tab: Client Credentials → Public key / Private key → Add key → paste
            this JWK → Save. The private key stays in this app and is kept encrypted once you connect.
          </small>
        </>
      ) : (
        <small>A 2048-bit RSA key; only its public half is shown, to register in Okta.</small>
      )}
    </div>
  );
}

function PastedKey({ draft, onChange }: Pick<Props, 'draft' | 'onChange'>) {
  return (
    <>
      <label className="field">
        <span>Private key (PEM or JWK)</span>
        <textarea
          className="okta-key__paste"
          value={draft.privateKey}
          rows={5}
          spellCheck="false"
          autoComplete="off"
          placeholder="-----BEGIN PRIVATE KEY-----"
          onChange={(e) => onChange({ privateKey: e.target.value })}
          data-testid="okta-private-key"
        />
      </label>
      <label className="field">
        <span>Key ID (kid), as Okta lists it</span>
        <input
          value={draft.keyId}
          spellCheck="false"
          autoComplete="off"
          onChange={(e) => onChange({ keyId: e.target.value })}
          data-testid="okta-key-id"
        />
        <small>Optional when the JWK carries its kid or the app has one key.</small>
      </label>
    </>
  );
}

function Features({ draft, onChange }: Pick<Props, 'draft' | 'onChange'>) {
  const toggle = (feature: OktaFeature, on: boolean) =>
    onChange({ features: on ? [...draft.features, feature] : draft.features.filter((f) => f !== feature) });
  return (
    <fieldset className="field okta-features">
      <legend>What the inspector may do (the scopes it asks for)</legend>
      {FEATURE_SCOPES.map(({ feature, scope, label }) => (
        <label key={feature} className="checkbox">
          <input
            type="checkbox"
            checked={draft.features.includes(feature)}
            onChange={(e) => toggle(feature, e.target.checked)}
            data-testid={`okta-feature-${feature}`}
          />
          <span>
            {label} <code>{scope}</code>
          </span>
        </label>
      ))}
      <small data-testid="okta-scopes-requested">
        Asks Okta for {scopesFor(draft.features).join(' ')} and nothing else.
      </small>
    </fieldset>
  );
}

/** Client ID, the key (made here or pasted), and the features, each with the one scope it needs. */
export function ServiceAppFields({ draft, pendingKey, onChange }: Props) {
  return (
    <>
      <label className="field">
        <span>Client ID</span>
        <input
          value={draft.clientId}
          placeholder="0oa…"
          spellCheck="false"
          autoComplete="off"
          onChange={(e) => onChange({ clientId: e.target.value })}
          data-testid="okta-client-id"
        />
        <small>From the API Services app&apos;s General tab.</small>
      </label>
      <div className="segmented" role="group" aria-label="Private key">
        {(['generated', 'pasted'] as const).map((source) => (
          <button
            key={source}
            type="button"
            aria-pressed={draft.keySource === source}
            onClick={() => onChange({ keySource: source })}
            data-testid={`okta-key-${source}`}
          >
            {source === 'generated' ? 'Generate a key here' : 'Paste a private key'}
          </button>
        ))}
      </div>
      {draft.keySource === 'generated' ? (
        <GeneratedKey pendingKey={pendingKey} />
      ) : (
        <PastedKey draft={draft} onChange={onChange} />
      )}
      <Features draft={draft} onChange={onChange} />
    </>
  );
}
