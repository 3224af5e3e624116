import type { InspectorApi } from '../../../shared/contract/inspector-api';
import type { Result } from '../../../shared/model/result';

/** Sends a file the user picked to the engine; resolves with the id `exchanges.import` takes. */
export type Upload = (file: File, onProgress: (sent: number) => void) => Promise<Result<{ upload: string }>>;

/**
 * The push stream's state: up, dropped (the engine is stopped or restarting), or refused
 * (the engine answered 401: it was restarted with another API token).
 */
export type ConnectionState = 'connected' | 'lost' | 'refused';

/**
 * How the UI talks to the engine: the contract (commands and pushes) plus the state of the
 * connection, so the UI can resync after a reconnect. Implemented over Electron IPC, over
 * the headless HTTP API, and in memory for tests.
 */
export interface Bridge extends InspectorApi {
  readonly kind: 'electron' | 'http';
  /** Called on every (re)connection, and whenever the push stream drops or is refused. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /**
   * How an import file reaches the engine: headless uploads one picked in the page; the
   * desktop app has none (null) because the engine asks with the system's open dialog.
   */
  readonly upload: Upload | null;
}
