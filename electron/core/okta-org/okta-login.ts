import type { CommandInput } from '../../../shared/contract/commands';
import type { OktaFeature } from '../../../shared/okta/service-app-scopes';
import type { SecretVault } from '../deps';
import { CommandError } from '../rpc/command-error';
import type { OktaPrefsStore } from './okta-prefs';
import { readSigningKey, type SigningKey } from './service-app-key';

/** What signs the inspector in to an org: an SSWS API token, or a service app and its key. */
export type Login =
  | { kind: 'api-token'; token: string }
  | { kind: 'service-app'; clientId: string; signing: SigningKey; features: OktaFeature[] };

/** The login a connect asks for; `generated` is the key pair made here, if any. */
export function loginFromInput(input: CommandInput<'okta.connect'>, generated: SigningKey | null): Login {
  if ('token' in input) return { kind: 'api-token', token: input.token };
  const { clientId, privateKey, keyId, features } = input.serviceApp;
  if (privateKey !== undefined) {
    return { kind: 'service-app', clientId, signing: readSigningKey(privateKey, keyId ?? null), features };
  }
  if (generated === null) {
    throw new CommandError('invalid-input', 'Paste the private key, or generate a key pair here first.');
  }
  return { kind: 'service-app', clientId, signing: { ...generated, kid: keyId ?? generated.kid }, features };
}

/**
 * Keep a login: the secret half (API token or private key, as PKCS#8 PEM) in the vault, where
 * the other secrets live, and the rest in the preferences; the other kind's secret is removed.
 */
export async function saveLogin(login: Login, domain: string, vault: SecretVault, prefs: OktaPrefsStore) {
  const token = login.kind === 'api-token' ? login.token : null;
  await vault.set('oktaApiToken', token);
  await vault.set('oktaPrivateKey', login.kind === 'service-app' ? login.signing.pem : null);
  const auth =
    login.kind === 'api-token'
      ? ({ kind: 'api-token' } as const)
      : {
          kind: 'service-app' as const,
          clientId: login.clientId,
          keyId: login.signing.kid,
          features: login.features,
        };
  await prefs.update({ domain, auth });
}

/** The login kept from an earlier run, or null when there is none (or its secret is gone). */
export async function loadLogin(vault: SecretVault, prefs: OktaPrefsStore): Promise<Login | null> {
  const { auth } = prefs.current();
  if (auth.kind === 'api-token') {
    const token = await vault.get('oktaApiToken');
    return token === null ? null : { kind: 'api-token', token };
  }
  const pem = await vault.get('oktaPrivateKey');
  if (pem === null) return null;
  return {
    kind: 'service-app',
    clientId: auth.clientId,
    signing: readSigningKey(pem, auth.keyId),
    features: auth.features,
  };
}

export async function forgetLogin(vault: SecretVault, prefs: OktaPrefsStore): Promise<void> {
  await vault.set('oktaApiToken', null);
  await vault.set('oktaPrivateKey', null);
  await prefs.update({ domain: null, auth: { kind: 'api-token' } });
}
