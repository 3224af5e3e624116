import type { TunnelProviderName } from './tunnel';

/** Receiver behaviour the user controls. Secrets are never part of what crosses to the UI. */
export interface Settings {
  /** Receiver port on 127.0.0.1; 0 picks any free port. */
  port: number;
  /** Path Okta calls, e.g. `/okta/event-hook`. */
  hookPath: string;
  /** Header that carries the shared secret (Okta's "authentication field"). */
  authHeader: string;
  /** Status for accepted deliveries: Okta takes either. */
  successStatus: 200 | 204;
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

export interface SettingsView extends Settings {
  secret: SecretView;
  ngrokAuthtoken: AuthtokenView;
}
