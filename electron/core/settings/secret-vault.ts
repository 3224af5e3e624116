import path from 'node:path';
import type { SecretName, UnreadableSecret } from '../../../shared/model/settings';
import type { Logger, SecretVault } from '../deps';
import { fileCipher } from './secret-cipher';
import { readSecretFile } from './secret-file';
import { SecretStore } from './secret-store';

/** Headless mode's secrets, and the capture key of both modes: readable by this user only. */
export const FOLDER_SECRETS = 'secrets.json';
/** The desktop app's secrets, encrypted with safeStorage or a passphrase. */
export const DESKTOP_SECRETS = 'secrets.enc.json';

const DESKTOP_ONLY = 'it was saved by the desktop app, whose encryption headless mode cannot read';

/**
 * The secrets of a data folder. The capture key is kept in `secrets.json` whichever mode runs,
 * so the history one mode recorded stays readable in the other: one key per folder, made by the
 * mode that opened it first. The desktop app passes its own store for the other secrets.
 */
export async function openSecretVault(
  dataDir: string,
  logger: Logger,
  desktop?: SecretVault,
): Promise<SecretVault> {
  const folder = await SecretStore.open({
    file: path.join(dataDir, FOLDER_SECRETS),
    cipher: fileCipher,
    flatScheme: 'clear',
    logger,
  });
  if (!desktop) return withDesktopHints(folder, await desktopNames(dataDir));
  const holder = (name: SecretName) => (name === 'captureKey' ? folder : desktop);
  return {
    get: (name) => holder(name).get(name),
    set: (name, value) => holder(name).set(name, value),
    storage: () => {
      const own = desktop.storage();
      // Here secrets.json holds only the capture key: a file it cannot read is that key unread.
      const key = folder.storage().unreadable.map(({ reason }) => ({ name: 'captureKey' as const, reason }));
      const rest = own.unreadable.filter(({ name }) => name !== 'captureKey');
      return { ...own, unreadable: [...key, ...rest] };
    },
  };
}

async function desktopNames(dataDir: string): Promise<SecretName[]> {
  const read = await readSecretFile(path.join(dataDir, DESKTOP_SECRETS), 'safeStorage');
  if (read.state !== 'ok') return [];
  return (Object.keys(read.document.entries) as SecretName[]).filter((name) => name !== 'captureKey');
}

/** Headless mode names the secrets only the desktop app saved, until they are entered here. */
function withDesktopHints(folder: SecretStore, names: SecretName[]): SecretVault {
  return {
    get: (name) => folder.get(name),
    set: (name, value) => folder.set(name, value),
    storage: () => {
      const view = folder.storage();
      const hints: UnreadableSecret[] = names
        .filter((name) => !folder.has(name))
        .map((name) => ({ name, reason: DESKTOP_ONLY }));
      return { ...view, unreadable: [...view.unreadable, ...hints] };
    },
  };
}
