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

/** The hook's shared secret, and the Okta API token (SSWS) of a connected org. */
export type SecretName = 'hookSecret' | 'oktaApiToken';

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
