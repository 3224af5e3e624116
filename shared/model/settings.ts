import type { TunnelProviderName } from './tunnel';

/** How the receiver answers deliveries that pass the auth check. */
export interface ResponsePolicy {
  /** 200 or 204 accept; 4xx and 5xx let you see how Okta reacts to failures. */
  status: number;
  /** Wait this long before answering; past 3000 ms Okta has given up (https://developer.okta.com/docs/concepts/event-hooks/#timeout-and-retry). */
  delayMs: number;
  /** Okta expects an empty body; anything here is sent as is. */
  body: string;
}

/** A custom header Okta sends on every call (the hook's `channel.config.headers`). */
export interface RequiredHeader {
  name: string;
  value: string;
}

/** How long the receiver may wait for the user's handler, in ms. */
export const FORWARD_TIMEOUT_MS = { min: 1000, max: 300_000 } as const;

/** Passing requests on to the user's own handler. */
export interface ForwardSettings {
  /** e.g. `http://localhost:3000/okta/hooks`; null answers everything here. */
  target: string | null;
  /** How long to wait for the handler to answer completely (Okta itself waits 3 s). */
  timeoutMs: number;
  /** `auto` answers Okta's challenge here; `forward` lets the handler answer it. */
  verification: 'auto' | 'forward';
}

/** How much history is kept; the oldest unpinned exchanges go first. */
export interface RetentionSettings {
  maxCount: number;
  maxBytes: number;
}

/** Receiver behaviour the user controls. Secrets are never part of what crosses to the UI. */
export interface Settings {
  /** Receiver port on 127.0.0.1; 0 picks any free port. */
  port: number;
  /** Path Okta calls, e.g. `/okta/event-hook`. */
  hookPath: string;
  /** Header that carries the shared secret (Okta's "authentication field"). */
  authHeader: string;
  /** Custom headers that must arrive with these values; they are not secret in Okta. */
  requiredHeaders: RequiredHeader[];
  response: ResponsePolicy;
  forward: ForwardSettings;
  /** Request bodies above this many bytes are answered 413 and kept truncated. */
  bodyLimitBytes: number;
  /** How the receiver gets a public URL. */
  tunnelProvider: TunnelProviderName;
  /** A domain reserved on ngrok (e.g. the free static `name.ngrok-free.app`); null = a random URL. */
  ngrokDomain: string | null;
  /** For the manual provider: the base URL of a tunnel the user runs, pointed at the receiver. */
  publicUrl: string | null;
  /** Start the tunnel when the app starts. */
  tunnelAutoStart: boolean;
  retention: RetentionSettings;
}

/** A secret as the UI may see it: whether it is set and a masked preview. */
export interface SecretView {
  configured: boolean;
  /** e.g. `Basic ••••••••` (scheme kept, value hidden); empty when not configured. */
  masked: string;
}

/** Where the ngrok authtoken in use comes from: command-line values win until one is saved. */
export type AuthtokenSource = 'environment' | 'file' | 'saved';

export interface AuthtokenView extends SecretView {
  source: AuthtokenSource | null;
}

/**
 * The secrets the engine keeps: the hook's shared secret, the ngrok authtoken, the Okta API
 * token (SSWS) or the private key of the service app (PKCS#8 PEM) a connected org signs in with,
 * `captureKey`, which encrypts credential headers in the capture log, and `apiToken`, the
 * headless browser UI's bearer token.
 */
export type SecretName =
  'hookSecret' | 'ngrokAuthtoken' | 'oktaApiToken' | 'oktaPrivateKey' | 'captureKey' | 'apiToken';

/**
 * How saved secrets are protected on this machine:
 * `keychain` the OS (macOS Keychain, Windows DPAPI, a Linux keyring such as libsecret or KWallet);
 * `basic-text` Linux without a keyring, where Electron encrypts with a fixed, public password;
 * `passphrase` a passphrase the user gave this run; `locked` one that has not been given yet;
 * `unavailable` no encryption at all, so secrets entered now are kept for this run only;
 * `file` headless mode's `secrets.json`, readable by this user only.
 */
export type SecretProtection = 'keychain' | 'basic-text' | 'passphrase' | 'locked' | 'unavailable' | 'file';

/** A saved secret that could not be read. Its stored value is kept, never deleted. */
export interface UnreadableSecret {
  /** Null: the whole file could not be read, so which secrets it held is not known. */
  name: SecretName | null;
  /** Why, in words for the user. */
  reason: string;
}

export interface SecretStorageView {
  protection: SecretProtection;
  /** On Linux, the keyring Electron chose (`gnome_libsecret`, `kwallet5`, `basic_text` …). */
  backend: string | null;
  /** A passphrase can be set or removed here (the desktop app). */
  passphraseOption: boolean;
  /** Secrets to enter again. */
  unreadable: UnreadableSecret[];
}

export interface SettingsView extends Settings {
  secret: SecretView;
  ngrokAuthtoken: AuthtokenView;
  secretStorage: SecretStorageView;
}
