import type {
  SecretName,
  SecretProtection,
  SecretStorageView,
  UnreadableSecret,
} from '../../../../shared/model/settings';

const PROTECTION: Record<SecretProtection, string> = {
  keychain: 'Saved secrets are encrypted with your system keychain.',
  'basic-text':
    'No keyring was found (such as GNOME Keyring or KWallet), so Electron would encrypt saved secrets with a fixed password anyone can look up: anyone who can read your files can read them. Protect them with a passphrase, or start a keyring and restart the app.',
  passphrase: 'Saved secrets are encrypted with your passphrase; it is asked for at each start.',
  locked: 'Saved secrets are protected by a passphrase: enter it to use them.',
  unavailable:
    'No encryption is available, so secrets you enter are kept only until the app quits. Protect them with a passphrase to save them.',
  file: 'Saved secrets are kept in secrets.json in the data folder, which only your user can read.',
};

const NAME: Record<SecretName, string> = {
  hookSecret: 'The hook secret',
  ngrokAuthtoken: 'The ngrok authtoken',
  oktaApiToken: 'The Okta API token (connect the org again)',
  oktaPrivateKey: "The Okta service app's private key (connect the org again)",
  apiToken: "The headless UI's API token (open the new Inspector link)",
  captureKey: 'The capture key (credential headers are not recorded meanwhile)',
};

/** How the secrets are protected, in one or two sentences. */
export const protectionText = (view: SecretStorageView): string => PROTECTION[view.protection];

/** Whether the protection is weak enough to warn about. */
export const isWeak = (view: SecretStorageView): boolean =>
  view.protection === 'basic-text' || view.protection === 'unavailable';

/** A secret that could not be read: which, why, and that its old value is kept. */
export const unreadableText = ({ name, reason }: UnreadableSecret): string =>
  name === null
    ? `Saved secrets could not be read: ${reason}. Enter them again.`
    : `${NAME[name]} could not be read: ${reason}. Enter it again; the old value is kept in the file.`;
