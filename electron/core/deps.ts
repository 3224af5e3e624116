import type { SecretName, SecretStorageView } from '../../shared/model/settings';

/** What the engine needs from its host; `createCore` receives real ones, tests pass their own. */

export interface Clock {
  /** Epoch ms, for timestamps people read. */
  now(): number;
  /** Monotonic ms with sub-ms precision, for durations. */
  monotonic(): number;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Where secrets live: encrypted with safeStorage (or a passphrase) on desktop, a 0600 file when
 * headless; the capture key in that file in both modes (settings/secret-vault.ts).
 */
export interface SecretVault {
  /** The saved value; null when none is saved or it cannot be read (`storage().unreadable` says which). */
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string | null): Promise<void>;
  /** How the secrets are protected, and which could not be read. */
  storage(): SecretStorageView;
}

export type { SecretName };

/**
 * What the engine schedules later work with (polling, tunnel retries and checks), injected so
 * tests move time by hand (test-support's FakeTimers).
 */
export interface Scheduler {
  /** Run `task` after `ms`; returns a cancel function. */
  after(ms: number, task: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

/** Timers that never keep the process alive by themselves: the servers do that. */
export const systemScheduler: Scheduler = {
  after: (ms, task) => {
    const timer = setTimeout(task, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Where an export is written; headless adds the URL the browser downloads it from. */
export interface ExportTarget {
  path: string;
  downloadUrl?: string;
}

/** The file an import reads; an upload is removed once it has been read. */
export interface ImportSource {
  path: string;
  name: string;
  temporary: boolean;
}

/**
 * Files in and out, the host's way: the desktop app asks with save and open dialogs, headless
 * mode keeps uploads and downloads in a folder its HTTP API serves. Null: the user cancelled.
 */
export interface TransferHost {
  exportTarget(suggestedName: string): Promise<ExportTarget | null>;
  importSource(upload: string | undefined): Promise<ImportSource | null>;
}
