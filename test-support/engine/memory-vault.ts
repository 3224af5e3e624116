import type { SecretName, UnreadableSecret } from '../../shared/model/settings';
import type { SecretVault } from '../../electron/core/deps';

/** A vault in memory for tests; `unreadable` plays a saved secret that could not be read. */
export function memoryVault(unreadable: UnreadableSecret[] = []) {
  const values = new Map<SecretName, string>();
  const vault: SecretVault & { values: Map<SecretName, string> } = {
    values,
    get: (name) => Promise.resolve(values.get(name) ?? null),
    set: (name, value) => {
      if (value === null) values.delete(name);
      else values.set(name, value);
      return Promise.resolve();
    },
    storage: () => ({ protection: 'file', backend: null, passphraseOption: false, unreadable }),
  };
  return vault;
}
