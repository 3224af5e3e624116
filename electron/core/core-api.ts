import type { PushMessage } from '../../shared/contract/events';
import type { AppStatus } from '../../shared/model/status';
import type { OktaOptions } from './compose/okta-options';
import type { InlineOptions } from './compose/inline-parts';
import type { Clock, Logger, SecretVault, TransferHost } from './deps';
import type { ReceiverLimits } from './receiver/receiver-limits';
import type { Call, Dispatch } from './rpc/dispatcher';
import type { PassphraseControl } from './settings/secret-commands';
import type { SettingsOverrides } from './settings/settings-store';
import type { WriteFault } from './store/records/record-log';
import type { TunnelProvider } from './tunnel/tunnel-provider';

/* What the engine's hosts (Electron main, the headless CLI, tests) give createCore and get back. */

export interface CoreOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  version: string;
  /** The history index thread's script, built beside the host's bundle (store/history.ts). */
  indexWorker: string;
  clock?: Clock;
  newId?: () => string;
  logger?: Logger;
  /**
   * Opens the desktop app's store for its secrets (safeStorage or a passphrase), once the data
   * folder is locked; without one they are kept in a 0600 file in the data folder, where the
   * capture key is in both modes.
   */
  desktopSecrets?: () => Promise<SecretVault>;
  /** Passphrase protection of `desktopSecrets` (the desktop app only). */
  passphrase?: PassphraseControl;
  /** Command-line values for this run only. */
  overrides?: SettingsOverrides;
  /** Batching of pushed summaries; tests shorten it. */
  pushFlushMs?: number;
  /** The ngrok provider; hosts build it with the path of their agent script (see ngrok-process.ts). */
  ngrok?: TunnelProvider;
  /** Receiver timeouts and sizes; tests shorten the timeouts. */
  receiverLimits?: Partial<ReceiverLimits>;
  /** Simulated disk failures in the capture log, for tests. */
  writeFault?: WriteFault;
  /** Where exports go and imports come from; by default a temporary folder (headless, tests). */
  transfers?: TransferHost;
  /** Segment file size; tests use small ones to see retention work. */
  segmentBytes?: number;
  okta?: OktaOptions;
  inline?: InlineOptions;
}

/** The engine as its hosts (Electron main, headless CLI, tests) see it. */
export interface Core {
  /** For transports: names and inputs off the wire. */
  dispatch: Dispatch;
  /** For the engine's hosts, typed by the contract. */
  call: Call;
  subscribe(listener: (message: PushMessage) => void): () => void;
  status(): AppStatus;
  /** The data folder's secrets, for a host's own (the headless UI's API token). */
  secrets: SecretVault;
  stop(): Promise<void>;
}
