import type { InspectorApi } from '../../../shared/contract/inspector-api';

/**
 * How the UI talks to the engine: the contract (commands and pushes) plus the state of the
 * connection, so the UI can resync after a reconnect. Implemented over Electron IPC, over
 * the headless HTTP API, and in memory for tests.
 */
export interface Bridge extends InspectorApi {
  readonly kind: 'electron' | 'http' | 'fake';
  /** Called with true on every (re)connection and false when the push stream drops. */
  onConnection(listener: (connected: boolean) => void): () => void;
}
