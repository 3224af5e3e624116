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

/** Where secrets live: encrypted with safeStorage on desktop, a 0600 file when headless. */
export interface SecretVault {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string | null): Promise<void>;
}

/**
 * Secrets kept in the vault: the hook's shared secret, the ngrok authtoken, the Okta API token
 * (SSWS) of a connected org, `captureKey`, which encrypts credential headers in the capture
 * log (store/header-sealer.ts), and `apiToken`, the headless browser UI's bearer token.
 */
export type SecretName = 'hookSecret' | 'ngrokAuthtoken' | 'oktaApiToken' | 'captureKey' | 'apiToken';

/** Timers the engine schedules with; tests pass a fake one they advance by hand. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
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
