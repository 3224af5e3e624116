import type { SecretName, SecretStorageView } from '../../../shared/model/settings';
import { CommandError } from '../rpc/command-error';

/** What the desktop app does with a passphrase; headless mode has none (its file is 0600). */
export interface PassphraseControl {
  /** Protect the secrets with this passphrase, or (null) go back to the OS keychain. */
  protect(passphrase: string | null): Promise<void>;
  /** Open secrets protected with this passphrase; false when it is not the right one. */
  unlock(passphrase: string): Promise<boolean>;
}

export interface SecretCommands {
  protect(passphrase: string | null): Promise<void>;
  unlock(passphrase: string): Promise<void>;
}

const NO_PASSPHRASE =
  'Only the desktop app protects secrets with a passphrase; headless mode keeps them in secrets.json, which only your user can read.';

/** The `secrets.*` commands: passphrase changes, then the new state told to every window. */
export function secretCommands(control: PassphraseControl | undefined, changed: () => void): SecretCommands {
  const using = () => {
    if (!control) throw new CommandError('unavailable', NO_PASSPHRASE);
    return control;
  };
  return {
    protect: async (passphrase) => {
      await using().protect(passphrase);
      changed();
    },
    unlock: async (passphrase) => {
      if (!(await using().unlock(passphrase)))
        throw new CommandError(
          'invalid-input',
          'That is not the passphrase the secrets were protected with.',
        );
      changed();
    },
  };
}

const WHAT_TO_DO: Record<SecretName, string> = {
  hookSecret: 'Enter it again in Settings.',
  ngrokAuthtoken: 'Enter it again in Settings.',
  oktaApiToken: 'Connect the Okta org again.',
  oktaPrivateKey: 'Connect the Okta org again with its service app key.',
  apiToken: 'Open the new Inspector link headless mode prints.',
  captureKey:
    'Until it can be read, credential headers are not recorded, and those recorded with it show as unreadable.',
};

const LABEL: Record<SecretName, string> = {
  hookSecret: 'The saved hook secret',
  ngrokAuthtoken: 'The saved ngrok authtoken',
  oktaApiToken: 'The saved Okta API token',
  oktaPrivateKey: "The saved Okta service app's private key",
  apiToken: "The headless UI's API token",
  captureKey: 'The capture key',
};

/** One sentence per secret to enter again, for the notices every window shows. */
export function secretNotices(storage: SecretStorageView): string[] {
  const notices = storage.unreadable.map(({ name, reason }) =>
    name === null
      ? `Saved secrets could not be read: ${reason}. Enter them again in Settings.`
      : `${LABEL[name]} could not be read: ${reason}. ${WHAT_TO_DO[name]}`,
  );
  if (storage.protection === 'locked')
    notices.unshift('Saved secrets are protected by a passphrase: enter it in Settings to use them.');
  return notices;
}
