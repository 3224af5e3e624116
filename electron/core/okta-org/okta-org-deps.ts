import type { OktaState } from '../../../shared/model/okta';
import type { Clock, Logger, SecretVault } from '../deps';
import type { HttpTransport } from '../http/http-transport';
import type { OwnRequestTags } from '../receiver/own-request-tags';
import type { SettingsStore } from '../settings/settings-store';
import type { ExchangeStore } from '../store/exchange-store';
import type { CaptureIndex } from './capture-index';
import type { Scheduler } from '../deps';

/** What the Okta org integration needs from the engine; `createCore` provides it. */
export interface OktaOrgDeps {
  dataDir: string;
  vault: SecretVault;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  settings: SettingsStore;
  store: ExchangeStore;
  tags: OwnRequestTags;
  captures: CaptureIndex;
  /** The receiver's local hook URL (where rebuilt deliveries go through the receiver). */
  hookUrl: () => string | null;
  /**
   * The seam for the tunnel: its public hook URL while it runs, else null. Until
   * then the public URL is the one entered by hand (`okta.configure`).
   */
  tunnelHookUrl: () => string | null;
  /** API calls go to this loopback Okta emulator instead of the org (tests, demos). */
  baseUrlOverride: string | null;
  /** How Okta API calls travel: Node's stack with the environment's proxy, or the host's fetch. */
  transport: HttpTransport;
  scheduler: Scheduler;
  pollIntervalMs: number;
  onChange: (state: OktaState) => void;
}
