import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SecretName, SecretStorageView, UnreadableSecret } from '../../../shared/model/settings';
import type { Logger, SecretVault } from '../deps';
import { SerialQueue, writeAtomically } from './atomic-file';
import type { SecretCipher, SecretScheme } from './secret-cipher';
import { emptyDocument, readSecretFile, type SecretDocument, type SecretFileRead } from './secret-file';

export interface SecretStoreOptions {
  file: string;
  cipher: SecretCipher;
  /** What a format-1 file of this name was encoded with. */
  flatScheme: SecretScheme;
  logger: Logger;
  passphraseOption?: boolean;
}

/** Why a whole file is out of use: damaged files are moved aside on the next save, unreadable ones never written. */
type FileProblem = { state: 'damaged' | 'unreadable'; reason: string } | null;

/**
 * One secrets file, read and decrypted once at start and kept in memory. A value that cannot be
 * decrypted (a reset keyring, another machine's file) is reported, not thrown, and stays in the
 * file; entering that secret again moves the old value to the file's `aside` list, never deletes
 * it. Changes are written whole, atomically and one at a time. When the cipher cannot work at
 * all (no keyring, a passphrase not given yet) nothing is written over what is saved: a secret
 * entered meanwhile is kept for this run only.
 */
export class SecretStore implements SecretVault {
  private readonly queue = new SerialQueue();
  private readonly values = new Map<SecretName, string>();
  private readonly failed = new Map<SecretName, string>();
  private fileProblem: FileProblem = null;
  private cipherProblem: string | null = null;

  private constructor(
    private readonly options: SecretStoreOptions,
    private document: SecretDocument,
    private cipher: SecretCipher,
  ) {}

  static async open(options: SecretStoreOptions): Promise<SecretStore> {
    const read = await readSecretFile(options.file, options.flatScheme);
    const store = new SecretStore(options, documentOf(read, options.cipher), options.cipher);
    if (read.state === 'damaged' || read.state === 'unreadable') {
      store.fileProblem = { state: read.state, reason: `${path.basename(options.file)} ${read.reason}` };
      options.logger.warn('secrets file cannot be read; it is kept as it is', { file: options.file });
    }
    await store.load();
    return store;
  }

  get(name: SecretName): Promise<string | null> {
    return Promise.resolve(this.values.get(name) ?? null);
  }

  /** Whether a value for this secret is at hand (saved, or entered this run). */
  has(name: SecretName): boolean {
    return this.values.has(name);
  }

  set(name: SecretName, value: string | null): Promise<void> {
    return this.queue.run(async () => {
      if (this.cipherProblem !== null) return this.keepForThisRun(name, value);
      const next = await this.withValue(await this.writableDocument(), name, value);
      await this.write(next);
      this.remember(name, value);
    });
  }

  /** Encrypt every value again with another cipher (a passphrase given or removed). */
  rekey(cipher: SecretCipher): Promise<void> {
    return this.queue.run(async () => {
      const why = await cipher.unavailable();
      if (why !== null) throw new Error(why);
      const base = await this.writableDocument();
      const next: SecretDocument = {
        ...emptyDocument(cipher.scheme),
        params: cipher.params,
        aside: [...base.aside, ...this.setAside(base, [...this.failed.keys()])],
      };
      for (const [name, value] of this.values) next.entries[name] = await cipher.encrypt(value);
      await this.write(next);
      this.cipher = cipher;
      this.cipherProblem = null;
      this.failed.clear();
    });
  }

  storage(): SecretStorageView {
    const unreadable: UnreadableSecret[] = [...this.failed].map(([name, reason]) => ({ name, reason }));
    if (this.fileProblem) unreadable.unshift({ name: null, reason: this.fileProblem.reason });
    return {
      ...this.cipher.describe(),
      passphraseOption: this.options.passphraseOption ?? false,
      unreadable,
    };
  }

  private async load(): Promise<void> {
    this.cipherProblem = await this.cipher.unavailable();
    const { scheme } = this.document;
    const foreign = scheme === this.cipher.scheme ? null : `it was saved with ${scheme} encryption`;
    const renew: SecretName[] = [];
    for (const [name, encoded] of Object.entries(this.document.entries) as [SecretName, string][]) {
      const problem = this.cipherProblem ?? foreign;
      if (problem !== null) {
        this.failed.set(name, problem);
        continue;
      }
      try {
        const { value, renew: stale } = await this.cipher.decrypt(encoded);
        this.values.set(name, value);
        if (stale) renew.push(name);
      } catch (error) {
        this.failed.set(name, `it could not be decrypted (${(error as Error).message})`);
      }
    }
    if (renew.length > 0) await this.renew(renew);
  }

  /** The OS asked for these to be encrypted again; if that fails they still decrypt, so only log it. */
  private async renew(names: SecretName[]): Promise<void> {
    try {
      const next = { ...this.document, entries: { ...this.document.entries } };
      for (const name of names) next.entries[name] = await this.cipher.encrypt(this.values.get(name) ?? '');
      await this.write(next);
    } catch (error) {
      this.options.logger.warn('secrets could not be encrypted again', { error: (error as Error).message });
    }
  }

  private keepForThisRun(name: SecretName, value: string | null): void {
    if (value === null) this.values.delete(name);
    else this.values.set(name, value);
  }

  /**
   * The document to change: a damaged file is first moved aside (kept) so nothing is written
   * over it, and values saved with another scheme are set aside before this cipher's are added.
   */
  private async writableDocument(): Promise<SecretDocument> {
    const problem = this.fileProblem;
    if (problem?.state === 'unreadable') {
      throw new Error(
        `${problem.reason}: it is left as it is, so no secret can be saved until that is fixed.`,
      );
    }
    if (problem?.state === 'damaged') {
      const kept = `${this.options.file}.damaged-${Date.now()}`;
      await fs.rename(this.options.file, kept);
      this.fileProblem = {
        state: 'damaged',
        reason: `${problem.reason}; it was kept as ${path.basename(kept)}`,
      };
      this.document = emptyDocument(this.cipher.scheme);
    }
    const base = this.document;
    if (base.scheme === this.cipher.scheme) return base;
    const aside = this.setAside(base, Object.keys(base.entries) as SecretName[]);
    return {
      ...emptyDocument(this.cipher.scheme),
      params: this.cipher.params,
      aside: [...base.aside, ...aside],
    };
  }

  private async withValue(base: SecretDocument, name: SecretName, value: string | null) {
    const next: SecretDocument = { ...base, entries: { ...base.entries }, aside: [...base.aside] };
    if (this.failed.has(name)) next.aside.push(...this.setAside(base, [name]));
    if (value === null) delete next.entries[name];
    else next.entries[name] = await this.cipher.encrypt(value);
    return next;
  }

  /** Values that could not be read, as entries of the `aside` list: kept with why, never deleted. */
  private setAside(base: SecretDocument, names: SecretName[]) {
    const at = new Date().toISOString();
    return names.flatMap((name) => {
      const value = base.entries[name];
      const reason = this.failed.get(name) ?? 'it could not be read';
      return value === undefined ? [] : [{ name, scheme: base.scheme, value, reason, at }];
    });
  }

  private remember(name: SecretName, value: string | null): void {
    this.failed.delete(name);
    this.keepForThisRun(name, value);
  }

  private async write(next: SecretDocument): Promise<void> {
    await writeAtomically(this.options.file, JSON.stringify(next, null, 2), 0o600);
    this.document = next;
  }
}

function documentOf(read: SecretFileRead, cipher: SecretCipher): SecretDocument {
  return read.state === 'ok' ? read.document : emptyDocument(cipher.scheme);
}
